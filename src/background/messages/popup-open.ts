/** Handler of the popup's opening record (shared/messages/popup-open.ts). */
import type { popupMessages } from '../../shared/messages/popup-open';
import type { AreaHandlers } from '../router';
import type { Services } from '../handlers/context';
import { popupOpen } from '../handlers/popup-open';
import { afterUnlock } from '../handlers/after-unlock';

export function popupHandlers(services: Services): AreaHandlers<typeof popupMessages> {
  return {
    'popup/open': () => popupOpen(services),
    'popup/unlock': async (m) => {
      await services.vault.unlock(m.password);
      const answer = await popupOpen(services);
      // vault/unlock's follow-ups start once the popup's answer is made, not before it.
      afterUnlock(services);
      return answer;
    },
  };
}
