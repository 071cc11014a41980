import { FIRST_ROWS, currentSiteFirst } from '../../shared/account-order';
import type { PopupOpen } from '../../shared/protocol';
import { listAccounts } from '../../core/vault';
import { matchAccounts } from '../../core/site';
import type { Services } from './context';
import { toView } from './views';
import { lookalikeFor } from '../fill/lookalike-for';
import { codeView } from './codes-get';
import { codeOffsetNow } from '../clock/code-clock';
import { BackgroundError } from '../errors';

/**
 * `popup/open` (extension pages): the popup's first paint in one round trip instead of three in a row
 * (vault/status, then accounts/list, then codes/get after the list had been drawn): the status, the
 * `rows` rows the popup shows first (this site's accounts first), sent in vault order, with the site part
 * of `accounts/list`, their codes at the clock correction codes/get uses, and the account count. Only
 * those rows: the full list (1000 views, 343 KB) cost the popup ~36 ms to unpack before its first code
 * (docs/popup-speed.md); the popup asks accounts/list for it after its first paint. A vault that is not
 * unlocked answers its status only: nothing of a locked vault leaves it.
 */
export async function popupOpen(
  { vault, activeOrigin }: Services,
  rows = FIRST_ROWS,
  now = Date.now(),
): Promise<PopupOpen> {
  // The tab's origin and the clock offset are asked while the vault resumes, not after it.
  const [state, origin, offset] = await Promise.all([vault.state(), activeOrigin(), codeOffsetNow()]);
  if (state !== 'unlocked') return { status: { state }, unlocked: null };
  try {
    return await vault.read((data) => {
      const accounts = listAccounts(data);
      const ids = origin ? matchAccounts(accounts, origin) : [];
      // The rows the popup shows first, sent in vault order like the full list: the popup puts this
      // site's first itself, and a reorder made before the full list comes works on the vault's order.
      const chosen = new Set(currentSiteFirst(accounts, ids).slice(0, rows));
      const firstRows = accounts.filter((a) => chosen.has(a));
      const lookalike = origin ? lookalikeFor(data, origin) : undefined;
      const currentSite = origin ? { origin, ids, ...(lookalike ? { lookalike } : {}) } : null;
      const codes = firstRows.map((a) => codeView(a, now, offset));
      return {
        status: { state },
        unlocked: { first: { accounts: firstRows.map(toView), currentSite }, total: accounts.length, codes },
      };
    });
  } catch (error) {
    // Locked between the status and the read (auto-lock, another page's Lock): the popup shows the unlock form.
    if (error instanceof BackgroundError && error.code === 'vault/locked')
      return { status: { state: 'locked' }, unlocked: null };
    throw error;
  }
}
