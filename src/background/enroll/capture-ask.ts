/**
 * A QR read from a tab capture is never added by a click on the page. The capture guard in the
 * content script (content/enroll/capture-guard.ts) refuses the foreign pixels it knows of, but it is
 * a denylist, and a page can paint another site's QR in ways it does not know (the root background
 * under an empty element, ::file-selector-button, scrollbar and slider-thumb pseudo-elements, paint()
 * worklets). So the click only opens the popup (askToUnlock), which names the page's site, says the
 * key was read from a screenshot and may belong to another site, and adds it bound to no site unless
 * the user ticks "Use it on <site>". Only then does the page's confirmation field get a code.
 *
 * A Google Authenticator export (otpauth-migration:, many accounts at once) is asked about the same
 * way, named as an export and never bound: a click on the page alone adds no batch of accounts.
 *
 * A QR clicked in a frame another site embeds is asked about too (that site may have hidden the frame
 * under its own page and put a decoy under the click): the popup names the framing site; the key is
 * bound as a click on the page would bind it.
 *
 * One question at a time: a later click replaces it. The popup names the token it answers, so it
 * never adds another QR than the one it shows.
 */
import { siteOf } from '../../core/site';
import type { CapturePending, EnrollOutcome } from '../../shared/protocol';
import { BackgroundError } from '../errors';
import type { VaultService } from '../vault/vault-service';
import { completeEnrollment, reenrollAsk } from './complete';
import { entryFor, type Pending } from './pending';
import { tellFrame } from './told';

const ASK_TTL_MS = 5 * 60_000;
let asking: { token: string; expires: number } | null = null;

/** The user clicked a captured QR (or an export) on its page: remember it for the popup. */
export function askAboutCapture(token: string, now = Date.now()): void {
  asking = { token, expires: now + ASK_TTL_MS };
}

function current(now: number): { token: string; entry: Pending } | null {
  const entry = asking && asking.expires >= now ? entryFor(asking.token, now) : null;
  if (!entry || !(entry.captured || entry.batch || entry.framedBy !== undefined)) return (asking = null);
  return { token: asking!.token, entry };
}

/**
 * The question for the popup. A framed QR with a new key for an account bound to the page's site
 * (issue 13) names that account (`replaces`): the popup asks "Replace the old one?" there, in our own
 * UI, as the page's overlay does after a click on an unframed setup page.
 */
export async function capturePending(vault: VaultService, now = Date.now()): Promise<CapturePending | null> {
  const found = current(now);
  if (!found) return null;
  const { token, entry } = found;
  const first = entry.accounts[0]!;
  const host = new URL(entry.origin).host;
  const old =
    !entry.captured && entry.framedBy !== undefined ? await vault.read((data) => reenrollAsk(data, entry)) : undefined;
  // The read awaited: another click may have replaced this question meanwhile.
  if (current(now)?.token !== token) return capturePending(vault, now);
  return {
    token,
    host,
    site: siteOf(entry.origin) ?? host,
    issuer: first.issuer,
    account: first.account,
    count: entry.accounts.length,
    batch: entry.batch,
    captured: entry.captured,
    framedBy: entry.framedBy ?? null,
    replaces: old ? { issuer: old.issuer, account: old.account } : null,
  };
}

/** What the user chose in the popup: bind a captured key to the site; replace the old key or keep both (`replaces`). */
export interface CaptureChoice {
  bind: boolean;
  reenroll?: 'replace' | 'keep';
}

/** The user said yes in the popup: add the key (bound only if `bind`), then tell the page (toast, code if bound). */
export async function captureAccept(
  vault: VaultService,
  token: string,
  { bind, reenroll: answer }: CaptureChoice,
  tell: (entry: Pending, outcome: EnrollOutcome) => Promise<unknown> = (entry, outcome) =>
    tellFrame(entry, token, outcome),
  now = Date.now(),
): Promise<{ count: number; duplicates: number; bound: boolean }> {
  const found = current(now);
  if (!found || found.token !== token)
    throw new BackgroundError('protocol/bad-request', 'This QR is no longer waiting');
  asking = null; // used up at once: a second click cannot add twice
  // A framed QR with a new key for the account bound to the site: the page's "Replace the old one?" is
  // a click in the frame, which that site may hide, so the popup asks it (`replaces`). Only the popup's
  // "Replace" replaces; any other yes adds it beside the old one (the in-field button then asks which).
  const reenroll =
    found.entry.framedBy !== undefined
      ? { reenroll: answer === 'replace' ? ('replace' as const) : ('keep' as const) }
      : {};
  const options = { bind: bind === true && !found.entry.batch, ...reenroll };
  const outcome = await completeEnrollment(vault, found.entry, options, now);
  if (outcome.kind !== 'added') throw new BackgroundError('protocol/bad-request', 'Not added');
  // The page gets no names: the pixels were a screenshot of its tab, which may have shown another
  // site's QR (a frame, a closed shadow root); the popup named it, the page's toast does not.
  await tell(found.entry, { ...outcome, issuer: '', account: '' });
  return { count: outcome.count, duplicates: outcome.duplicates, bound: outcome.count > 0 && outcome.bound };
}

export function captureReject(token: string): void {
  if (asking?.token === token) asking = null;
}
