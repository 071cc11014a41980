import { updateAccount } from '../../core/vault';
import type { AccountPatch, AccountView } from '../../shared/protocol';
import { BackgroundError } from '../errors';
import type { Services } from './context';
import { toView } from './views';

const EDITABLE = new Set(['issuer', 'account', 'sites', 'pinned', 'order', 'counter', 'fill']);
const LISTS = new Set(['submitOn', 'appendOn']);
/** An origin as the popup writes it (parseSites): http(s), no path. */
const isOrigin = (v: unknown): boolean => {
  try {
    return typeof v === 'string' && /^https?:$/.test(new URL(v).protocol) && new URL(v).origin === v;
  } catch {
    // A site that does not parse is not a web origin.
    return false;
  }
};
const goodOption = (key: string, value: unknown): boolean =>
  key === 'exactOrigin'
    ? typeof value === 'boolean'
    : LISTS.has(key) && Array.isArray(value) && value.length <= 100 && value.every(isOrigin);

const badFill = (fill: unknown): boolean =>
  typeof fill !== 'object' || fill === null || Object.entries(fill).some(([k, v]) => !goodOption(k, v));

/** `accounts/update`: edit the user-visible fields; anything else in the patch is refused. */
export async function accountsUpdate({ vault }: Services, id: string, patch: AccountPatch): Promise<AccountView> {
  if (Object.keys(patch).some((key) => !EDITABLE.has(key))) {
    throw new BackgroundError(
      'protocol/bad-request',
      'Only issuer, account, sites, pinned, order, counter and fill can be edited',
    );
  }
  if (patch.counter !== undefined && !Number.isSafeInteger(patch.counter))
    throw new BackgroundError('protocol/bad-request', 'Bad counter');
  if (patch.fill !== undefined && badFill(patch.fill))
    throw new BackgroundError('protocol/bad-request', 'Bad fill options');
  return vault.mutate((data, now) => {
    // A counter means something for HOTP only; core refuses one that goes down (RFC 4226 §7.2).
    if (patch.counter !== undefined && data.accounts.find((a) => a.id === id)?.type !== 'hotp') {
      throw new BackgroundError('protocol/bad-request', 'Only an HOTP account has a counter');
    }
    const next = updateAccount(data, id, patch, { now });
    const account = next.accounts.find((a) => a.id === id);
    if (!account) throw new BackgroundError('protocol/bad-request', 'Account vanished');
    return { data: next, result: toView(account) };
  });
}
