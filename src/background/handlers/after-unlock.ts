import type { Services } from './context';
import { activeTab } from '../active-tab';
import { finishEnrollmentsAfterUnlock } from '../enroll/after-unlock';
import { finishPickAfterUnlock } from '../fill/pick';

/** What an unlock lets go on (vault/unlock, popup/unlock): enrollments and a pick that waited for it. */
export function afterUnlock(services: Services): void {
  void finishEnrollmentsAfterUnlock(services.vault);
  void activeTab().then((tab) => finishPickAfterUnlock(services.vault, tab?.id ?? null));
}
