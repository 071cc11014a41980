/**
 * Enrolling again (issue 13): "lost your device? set MFA up again" gives a new key for the same
 * issuer and account name. The old key is dead, but left beside the new one it keeps filling (or, both
 * bound, the site stops filling by itself). So an enrollment that finds such an account bound to the
 * page's site asks "Replace the old one?" first. Pure.
 */
import { matchAccounts } from '../site';
import { MAX_STORED_BACKUP_CODES, type Account, type VaultData } from './types';
import type { NewAccount } from './operations';

/** Names as a user reads them: case and surrounding spaces do not make two accounts different. */
const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

const sameSecret = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

/** Same type, issuer and account name, another key: the accounts `candidate` may be a new key for. */
export function sameNameOtherKey(
  accounts: readonly Account[],
  candidate: Pick<Account, 'type' | 'issuer' | 'account' | 'secret'>,
): Account[] {
  return accounts.filter(
    (a) =>
      a.type === candidate.type &&
      same(a.issuer, candidate.issuer) &&
      same(a.account, candidate.account) &&
      !sameSecret(a.secret, candidate.secret),
  );
}

/**
 * The active account that `candidate` (read from a QR on `origin`) would be a new key for: same
 * type, issuer and account name, another key, and bound to the page's site. The first in vault order.
 */
export function reenrolledAt(
  vault: VaultData,
  candidate: Pick<Account, 'type' | 'issuer' | 'account' | 'secret'>,
  origin: string,
): Account | undefined {
  const bound = new Set(matchAccounts(vault.accounts, origin));
  return sameNameOtherKey(vault.accounts, candidate).find((a) => bound.has(a.id));
}

/**
 * `input`, a new key for `old`'s account, with `old`'s sites too (its own first): the site fills the
 * new code (replaced) or asks which one to use (both kept).
 */
export function withSitesOf(old: Account, input: NewAccount): NewAccount {
  return { ...input, sites: [...new Set([...(input.sites ?? []), ...old.sites])], fill: fillBeside(old, input) };
}

/**
 * How the new key is filled where it sits beside `old` (both kept): the old account's options for
 * its sites carry over, and its narrowing to the exact origin above all. Without it the new key
 * matched the whole site, and a user-content subdomain that the user had shut out (SECURITY.md §3)
 * got the live key's code without a click.
 */
function fillBeside(old: Account, input: NewAccount): NonNullable<NewAccount['fill']> {
  return {
    submitOn: [...new Set([...(input.fill?.submitOn ?? []), ...old.fill.submitOn])],
    appendOn: [...new Set([...(input.fill?.appendOn ?? []), ...old.fill.appendOn])],
    exactOrigin: old.fill.exactOrigin || input.fill?.exactOrigin === true,
  };
}

/** `input` kept beside `old` on the page `origin` it was enrolled on: the old account's fill options go with it. */
export function keptBeside(old: Account, input: NewAccount, sites: string[]): NewAccount {
  return { ...input, sites, fill: fillBeside(old, input) };
}

/**
 * `input`, a new key that replaces `old` (the user answered "Replace"): it takes the old account's
 * place, not only its sites. Its backup codes (a site's recovery codes outlive a new authenticator key;
 * the new input's own come first, the same code once), how its code is filled on its sites, its pin
 * and its place in the list. Without this they went to the trash with the old key and were purged
 * 30 days later.
 */
export function replacing(old: Account, input: NewAccount): NewAccount {
  const codes = [...(input.backupCodes ?? [])];
  for (const code of old.backupCodes) {
    if (codes.length >= MAX_STORED_BACKUP_CODES) break; // at most MAX_STORED_BACKUP_CODES (types.ts)
    if (!codes.some((c) => c.code === code.code)) codes.push({ ...code });
  }
  return {
    ...withSitesOf(old, input),
    backupCodes: codes,
    fill: {
      submitOn: [...old.fill.submitOn],
      appendOn: [...old.fill.appendOn],
      exactOrigin: old.fill.exactOrigin,
    },
    pinned: old.pinned || input.pinned === true,
    order: old.order,
  };
}
