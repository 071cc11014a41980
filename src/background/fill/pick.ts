/**
 * The in-field button: when a code field's site has several accounts, none bound yet, or the vault is
 * locked, a click on our button (content script, trusted and genuine clicks only) opens the popup,
 * which unlocks and/or lets the user pick the account. The pick is held here, for that one frame
 * and document, and the code goes back only there. Account names never enter the page.
 */
import { matchAccounts } from '../../core/site';
import { updateAccount, type VaultData } from '../../core/vault';
import type { CodeAnswer, PendingPick } from '../../shared/protocol';
import { BackgroundError } from '../errors';
import { sendToFrame } from '../send-to-frame';
import type { VaultService } from '../vault/vault-service';
import { codeAnswer } from './code-answer';

const PICK_TTL_MS = 2 * 60_000;

interface Pick {
  tabId: number;
  frameId: number;
  documentId: string | undefined;
  origin: string;
  expires: number;
}

let waiting: Pick | null = null;

export function rememberPick(pick: Omit<Pick, 'expires'>, now = Date.now()): void {
  waiting = { ...pick, expires: now + PICK_TTL_MS };
}

/** The user closed the pick in the popup: nothing is filled later (not even after an unlock). */
export function cancelPick(): void {
  waiting = null;
}

function current(now: number): Pick | null {
  if (waiting && waiting.expires < now) waiting = null;
  return waiting;
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

export async function pendingPick(vault: VaultService, now = Date.now()): Promise<PendingPick | null> {
  const pick = current(now);
  if (!pick || (await vault.state()) !== 'unlocked') return null;
  return vault.read((data) => {
    const { ids, unbound } = eligible(data, pick.origin);
    return { host: new URL(pick.origin).host, ids, unbound };
  });
}

/** The user picked `id` in the popup: fill the waiting frame; `always` binds an unbound account to the site. */
export async function pickAccount(vault: VaultService, id: string, always: boolean, now = Date.now()): Promise<{ filled: boolean }> {
  const pick = current(now);
  if (!pick) throw new BackgroundError('protocol/bad-request', 'No field is waiting for a code');
  waiting = null; // used up at once: a second click cannot fill (and submit) twice
  const choose = (data: VaultData): VaultData => {
    const { ids, unbound } = eligible(data, pick.origin);
    if (!ids.includes(id)) throw new BackgroundError('protocol/bad-request', 'That account belongs to another site');
    return always && unbound.includes(id) ? updateAccount(data, id, { sites: [pick.origin] }, { now }) : data;
  };
  const answerFor = (data: VaultData) => codeAnswer(data.accounts.find((a) => a.id === id)!, now);
  const answer = always
    ? await vault.mutate((data) => {
        const next = choose(data);
        return { data: next, result: answerFor(next) };
      })
    : await vault.read((data) => answerFor(choose(data)));
  return sendCode(pick, answer);
}

/** After an unlock asked for by the in-field button: fill at once if exactly one account is the site's. */
export async function finishPickAfterUnlock(vault: VaultService, now = Date.now()): Promise<void> {
  const pick = current(now);
  if (!pick) return;
  const answer = await vault.read((data) => {
    const { bound } = eligible(data, pick.origin);
    const account = bound.length === 1 ? data.accounts.find((a) => a.id === bound[0]) : undefined;
    return account ? codeAnswer(account, now) : null;
  });
  if (!answer) return;
  waiting = null;
  await sendCode(pick, answer);
}

async function sendCode(pick: Pick, answer: CodeAnswer): Promise<{ filled: boolean }> {
  const reply = await sendToFrame<{ filled: boolean }>(pick.tabId, { type: 'content/fill-code', answer, origin: pick.origin }, pick);
  return { filled: reply?.filled === true };
}
