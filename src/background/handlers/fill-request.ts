import { codeAt, counterAt } from '../../core/otp';
import { matchAccounts } from '../../core/site';
import type { FillAnswer } from '../../shared/protocol';
import type { Services } from './context';
import { settingsGet } from './settings-get';

/**
 * `fill/request` (content scripts only): the frame found a one-time-code field. `origin` is the
 * frame's own origin from `sender` — an iframe gets codes for its own site, never its parent's, and a
 * lookalike host matches no account (registrable domain via the public-suffix list, see core/site).
 * Only a code goes back, never a secret or which accounts exist.
 */
export async function fillRequest(
  services: Services,
  origin: string | null,
  request: { accountId?: string; explicit?: boolean } = {},
  now = Date.now(),
): Promise<FillAnswer> {
  if (!origin) return { kind: 'none' };
  const state = await services.vault.state();
  if (state === 'empty') return { kind: 'none' };
  if (state === 'locked') return { kind: 'locked' };
  if (!request.explicit && !(await settingsGet(services)).autofill) return { kind: 'off' };
  return services.vault.read((data) => {
    const matching = matchAccounts(data.accounts, origin);
    // A chosen account still has to belong to this frame's site.
    const ids = request.accountId === undefined ? matching : matching.filter((id) => id === request.accountId);
    if (ids.length === 0) return { kind: 'none' };
    if (ids.length > 1) return { kind: 'several', count: ids.length };
    const account = data.accounts.find((a) => a.id === ids[0])!;
    if (account.type === 'hotp') return { kind: 'several', count: 1 };
    const step = account.period * 1000;
    const validUntil = (counterAt(account, now) + 1) * step;
    return { kind: 'code', code: codeAt(account, now), next: codeAt(account, validUntil), validUntil };
  });
}
