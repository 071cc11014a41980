import { FIRST_ROWS, currentSiteFirst } from '../../shared/account-order';
import type { PopupOpen } from '../../shared/protocol';
import type { Services } from './context';
import { accountListOf } from './accounts-list';
import { codeView } from './codes-get';
import { codeOffsetNow } from '../clock/code-clock';
import { BackgroundError } from '../errors';

/**
 * `popup/open` (extension pages): the popup's first paint in one round trip instead of three in a row
 * (vault/status, then accounts/list, then codes/get after the list had been drawn): the status, the
 * list as `accounts/list` gives it, and the codes of the first `rows` rows in the order the popup shows
 * them (this site's accounts first), at the clock correction codes/get uses. A vault that is not
 * unlocked answers its status only: nothing of a locked vault leaves it.
 */
export async function popupOpen({ vault, activeOrigin }: Services, rows = FIRST_ROWS, now = Date.now()): Promise<PopupOpen> {
  // The tab's origin and the clock offset are asked while the vault resumes, not after it.
  const [state, origin, offset] = await Promise.all([vault.state(), activeOrigin(), codeOffsetNow()]);
  if (state !== 'unlocked') return { status: { state }, unlocked: null };
  try {
    return await vault.read((data) => {
      const list = accountListOf(data, origin);
      const first = new Set(currentSiteFirst(list.accounts, list.currentSite?.ids ?? []).slice(0, rows).map((a) => a.id));
      const codes = data.accounts.filter((a) => first.has(a.id)).map((a) => codeView(a, now, offset));
      return { status: { state }, unlocked: { list, codes } };
    });
  } catch (error) {
    // Locked between the status and the read (auto-lock, another page's Lock): the popup shows the unlock form.
    if (error instanceof BackgroundError && error.code === 'vault/locked') return { status: { state: 'locked' }, unlocked: null };
    throw error;
  }
}
