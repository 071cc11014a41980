/**
 * The in-field button: when a code field's site has several accounts, none bound yet, or the vault is
 * locked, a click on our button (content script, trusted and genuine clicks only) opens the popup,
 * which unlocks and/or lets the user pick the account. Each click is a pick with its own id, held for
 * that one frame and document (./pick-store.ts); the popup shows the pick of its tab and fills by that
 * id, so the code goes only where the popup said. The frame is told only that its pick is ready and
 * asks for the code itself (pickCode): the code goes to the asker the browser's `sender` shows to be
 * the pick's frame, origin and document, never to a frame id alone. Account names never enter the page.
 */
import { matchAccounts, siteOf } from '../../core/site';
import { updateAccount, type VaultData } from '../../core/vault';
import type { CodeAnswer, PendingPick } from '../../shared/protocol';
import { senderOrigin, type SenderLike } from '../../shared/sender';
import { BackgroundError } from '../errors';
import { sendToFrame } from '../send-to-frame';
import type { VaultService } from '../vault/vault-service';
import { codeAnswer } from './code-answer';
import { refreshGrantMs } from './grants';
import { savedMap } from './saved-map';
import { pickReadyItem, type StorageItem } from '../../platform/storage';
import { codeOffsetNow } from '../clock/code-clock';
import { lookalikeFor } from './lookalike-for';
import { PickError } from './pick-errors';
import { PickStore, type Pick, type PickTarget } from './pick-store';
import { embeddedByOwn, foreignEmbedder } from './silent';

const picks = new PickStore();

/** A click on the in-field button: a new pick for that frame; its id goes to the popup with pendingPick. */
export function rememberPick(target: PickTarget, now = Date.now()): Pick {
  return picks.add(target, now);
}

/** The user closed the pick in the popup: nothing is filled for it later (not even after an unlock). */
export function cancelPick(pickId: string, now = Date.now()): void {
  picks.take(pickId, now);
}

/**
 * Who may be picked for `origin`: accounts bound to its site, then accounts bound to no site. Never an
 * account of another site (that is the lookalike case), never HOTP (each code moves the counter).
 */
export function eligible(data: VaultData, origin: string): { ids: string[]; bound: string[]; unbound: string[] } {
  const timed = data.accounts.filter((a) => a.type !== 'hotp');
  const bound = matchAccounts(timed, origin);
  const unbound = timed.filter((a) => a.sites.length === 0).map((a) => a.id);
  return { ids: [...bound, ...unbound], bound, unbound };
}

/** The pick waiting in tab `tabId` (the popup's tab), with what the popup shows: site, accounts, lookalike warning. */
export async function pendingPick(
  vault: VaultService,
  tabId: number | null,
  now = Date.now(),
): Promise<PendingPick | null> {
  const pick = tabId === null ? null : picks.latest(tabId, now);
  if (!pick || (await vault.state()) !== 'unlocked') return null;
  return vault.read((data) => {
    const { ids, bound, unbound } = eligible(data, pick.origin);
    const url = new URL(pick.origin);
    // An account of the site narrowed to its exact origin: another origin of the site framing it is
    // named too (fill/request answers `framed` there as well).
    const exact = data.accounts.some((a) => bound.includes(a.id) && a.fill.exactOrigin);
    return {
      id: pick.id,
      host: url.host,
      site: siteOf(pick.origin) ?? url.hostname,
      ids,
      unbound,
      lookalike: lookalikeFor(data, pick.origin),
      framedBy: foreignEmbedder(pick.origin, pick.above ?? null, undefined, exact),
    };
  });
}

export interface PickChoice {
  /** The pick's id, as pendingPick gave it to the popup. */
  pickId: string;
  /** The account the user picked. */
  id: string;
  /** Bind an unbound account to the pick's site. */
  always: boolean;
  /** The user confirmed filling although the site looks like another account's site. */
  despiteLookalike: boolean;
}

/** The user picked an account for pick `pickId`: fill that pick's frame; `always` binds an unbound account to the site. */
export async function pickAccount(
  vault: VaultService,
  choice: PickChoice,
  now = Date.now(),
): Promise<{ filled: boolean }> {
  const waiting = picks.get(choice.pickId, now);
  if (!choice.despiteLookalike && (await vault.read((data) => lookalikeFor(data, waiting.origin)))) {
    throw new PickError('fill/lookalike-unconfirmed', "This site looks like another account's site: confirm first");
  }
  const pick = picks.take(choice.pickId, now); // used up at once: a second click cannot fill (and submit) twice
  const { id, always } = choice;
  const choose = (data: VaultData): VaultData => {
    const { ids, unbound } = eligible(data, pick.origin);
    if (!ids.includes(id)) throw new BackgroundError('protocol/bad-request', 'That account belongs to another site');
    return always && unbound.includes(id) ? updateAccount(data, id, { sites: [pick.origin] }, { now }) : data;
  };
  if (always) await vault.mutate((data) => ({ data: choose(data), result: null }));
  else await vault.read(choose);
  return sendCode(pick, id);
}

/** After an unlock asked for by the in-field button: fill tab `tabId`'s pick at once if exactly one account is the site's. */
export async function finishPickAfterUnlock(
  vault: VaultService,
  tabId: number | null,
  now = Date.now(),
): Promise<void> {
  const pick = tabId === null ? null : picks.latest(tabId, now);
  if (!pick) return;
  const id = await vault.read((data) => {
    const { bound } = eligible(data, pick.origin);
    const account = bound.length === 1 ? data.accounts.find((a) => a.id === bound[0]) : undefined;
    // A frame another site (or, for a narrowed account, another origin) embeds: that page may hide it,
    // and the user unlocked without seeing where the code would go. The popup shows the pick instead.
    if (account && !embeddedByOwn(pick.origin, pick.above ?? null, account.fill.exactOrigin)) return null;
    return account?.id ?? null;
  });
  if (id === null) return;
  picks.remove(pick);
  await sendCode(pick, id);
}

/**
 * A picked account waiting for its frame to ask for the code (`fill/pick-code`), under a one-use grant:
 * the pick's first code, or a refresh of the field it was filled into (each answer brings the next grant).
 */
interface Ready extends PickTarget {
  accountId: string;
  expires: number;
}

/** Only while `content/pick-ready` is on its way and answered (a wake and a resend included). */
const READY_TTL_MS = 30_000;
/** In session storage too (./saved-map.ts): a refresh grant outlives a service-worker restart. */
const savedReady = savedMap<Ready>(pickReadyItem as StorageItem<[string, Ready][]>);
const ready = savedReady.map;

/** The vault locked: no picked field is refreshed after it. */
export const dropReady = (): Promise<void> => savedReady.clear();

/** Holds `entry` under a new grant; drops the ones that expired (a refresh grant the page never used). */
function holdReady(entry: Ready, now: number): string {
  for (const [grant, r] of ready) if (r.expires < now) ready.delete(grant);
  const grant = crypto.randomUUID();
  ready.set(grant, entry);
  void savedReady.save();
  return grant;
}

/** Uses up `grant` (answered or not). */
function dropOne(grant: string): void {
  if (ready.delete(grant)) void savedReady.save();
}

/**
 * Tells the pick's frame that its code is ready; the frame asks for it with the grant (pickCode). The
 * code never travels unasked: where the browser names no document (Firefox), the frame id may hold
 * another site's page by now, and only the asking frame's `sender` can say which document it is.
 */
async function sendCode(pick: Pick, accountId: string): Promise<{ filled: boolean }> {
  const { tabId, frameId, documentId, origin, above } = pick;
  await savedReady.ready();
  const now = Date.now();
  const entry = { tabId, frameId, documentId, origin, above: above ?? null, accountId, expires: now + READY_TTL_MS };
  const grant = holdReady(entry, now);
  try {
    const reply = await sendToFrame(tabId, { type: 'content/pick-ready', grant, origin }, pick);
    return { filled: reply?.filled === true };
  } finally {
    dropOne(grant);
  }
}

/**
 * `fill/pick-code` (content scripts): the picked account's code for `grant`, only to the pick's own
 * frame: same tab and frame, the pick's origin (from `sender`, never the message) and, where the browser
 * names documents (Chrome), the same document. The grant is used up by its first ask from that frame,
 * answered or not; another tab's or frame's ask leaves it (it cannot know the grant anyway).
 *
 * A TOTP code comes with the next grant, for the same frame, origin, document and account, so the page
 * keeps the field current as it does an autofilled one (content/fill/keep-fresh.ts: at rollover, after
 * a sleep, 5 minutes at most, only while the field holds our code). Each refresh passes every check
 * above again; HOTP is never picked, and a code with no end (validUntil null) gets no grant, nor does a
 * frame another site embeds (fill/silent.ts embeddedByOwn): it gets codes from the popup only.
 */
export async function pickCode(
  vault: VaultService,
  grant: string,
  sender: SenderLike,
  now = Date.now(),
): Promise<CodeAnswer | null> {
  await savedReady.ready();
  const waiting = ready.get(grant);
  if (!waiting || waiting.expires < now) return null;
  if (waiting.tabId !== sender.tab?.id || waiting.frameId !== (sender.frameId ?? 0)) return null;
  dropOne(grant);
  if (senderOrigin(sender) !== waiting.origin) return null;
  if (waiting.documentId !== undefined && sender.documentId !== waiting.documentId) return null;
  if ((await vault.state()) !== 'unlocked') return null;
  const offset = await codeOffsetNow();
  const answer = await vault.read((data) => {
    // Still one the pick's site may have (the vault may have changed since the pick).
    const account = eligible(data, waiting.origin).ids.includes(waiting.accountId)
      ? data.accounts.find((a) => a.id === waiting.accountId)
      : undefined;
    if (!account) return null;
    const answer = codeAnswer(account, now, true, waiting.origin, offset);
    // A frame another site (or, for a narrowed account, another origin) embeds gets each code from the
    // popup only: the pick filled it once, its refresh would be a code the user did not ask for there.
    if (answer.validUntil === null || !embeddedByOwn(waiting.origin, waiting.above ?? null, account.fill.exactOrigin))
      return answer;
    const again = holdReady({ ...waiting, expires: now + refreshGrantMs(answer.validUntil, now) }, now);
    return { ...answer, grant: again };
  });
  await savedReady.written(); // the grant used up is used up in storage too before its code goes out
  return answer;
}
