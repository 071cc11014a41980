/** Handler of the popup's opening record (shared/messages/popup-open.ts). */
import type { popupMessages } from '../../shared/messages/popup-open';
import type { AreaHandlers } from '../router';
import type { Services } from '../handlers/context';
import { popupOpen } from '../handlers/popup-open';

export function popupHandlers(services: Services): AreaHandlers<typeof popupMessages> {
  return {
    'popup/open': () => popupOpen(services),
  };
}
