import { matchAccounts } from '../../core/site';
import type { FillAnswer } from '../../shared/protocol';
import { codeAnswer } from '../fill/code-answer';
import { eligible } from '../fill/pick';
import type { Services } from './context';
import { settingsGet } from './settings-get';

export interface FillRequest {
  /** The user picked this account (popup click, shortcut); it must still belong to the frame's site. */
  accountId?: string;
  /** The user asked: fill even if automatic filling is off. */
  explicit?: boolean;
  /** A password field on a site whose account has "password and code in one field" on. */
  append?: boolean;
}

/**
 * `fill/request` (content scripts only): the frame found a one-time-code field. `origin` is the
 * frame's own origin from `sender` — an iframe gets codes for its own site, never its parent's, and a
 * lookalike host matches no account (registrable domain via the public-suffix list, see core/site).
 * Only a code goes back, never a secret or which accounts exist. Answers other than a code put our
 * button in the field, so they are given only where the button can do something.
 */
export async function fillRequest(services: Services, origin: string | null, request: FillRequest = {}, now = Date.now()): Promise<FillAnswer> {
  if (!origin) return { kind: 'none' };
  const state = await services.vault.state();
  if (state === 'empty') return { kind: 'none' };
  if (state === 'locked') return request.append ? { kind: 'none' } : { kind: 'locked' };
  const { autofill } = await settingsGet(services);
  return services.vault.read((data) => {
    const matching = matchAccounts(data.accounts, origin);
    // A chosen account still has to belong to this frame's site.
    const ids = request.accountId === undefined ? matching : matching.filter((id) => id === request.accountId);
    const account = ids.length === 1 ? data.accounts.find((a) => a.id === ids[0]) : undefined;
    // The per-site "password and code" option is its own opt-in; the global switch governs code fields.
    if (request.append) return account?.fill.appendToPassword && account.type !== 'hotp' ? codeAnswer(account, now) : { kind: 'none' };
    if (ids.length > 1) return { kind: 'several', count: ids.length };
    // HOTP codes are only taken by hand (each one moves the counter), never filled on sight.
    if (!account || account.type === 'hotp') {
      const pickable = request.accountId === undefined && matching.length === 0 && eligible(data, origin).unbound.length > 0;
      return pickable ? { kind: 'choose' } : { kind: 'none' };
    }
    if (!request.explicit && !autofill) return { kind: 'off' };
    return codeAnswer(account, now);
  });
}
