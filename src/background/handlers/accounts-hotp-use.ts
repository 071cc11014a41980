import { codeAt } from '../../core/otp';
import { updateAccount } from '../../core/vault';
import type { HotpUse } from '../../shared/protocol';
import { BackgroundError } from '../errors';
import { fillActiveTab } from '../fill-shortcut';
import type { Services } from './context';
import { codeView } from './codes-get';

type FillTab = (accountId: string, hotpCode: string) => Promise<unknown>;

/**
 * `accounts/hotp-use` (popup click on an HOTP account): the code at the current counter is taken and
 * the counter moves on in the same vault write (RFC 4226 §7.2: the client increments after each
 * use), so a copied code is never shown again and no crash between "use" and "advance" can repeat it.
 * The taken code then goes to the active tab's field through the tab's one-time grant, so the fill
 * does not advance the counter a second time (fill/request never computes HOTP codes itself).
 */
export async function accountsHotpUse(
  { vault }: Services,
  id: string,
  fill: FillTab = fillActiveTab,
): Promise<HotpUse> {
  const used = await vault.mutate((data, now) => {
    const account = data.accounts.find((a) => a.id === id);
    if (!account || account.type !== 'hotp') throw new BackgroundError('protocol/bad-request', 'Not an HOTP account');
    const code = codeAt(account, now);
    const next = updateAccount(data, id, { counter: account.counter + 1 }, { now });
    const updated = next.accounts.find((a) => a.id === id) ?? account;
    return { data: next, result: { code, next: codeView(updated, now) } };
  });
  // A page that is not this account's site gets nothing (fill/request checks the frame's origin).
  await fill(id, used.code).catch(() => undefined);
  return used;
}
