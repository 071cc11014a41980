/**
 * The in-field button: when a code field's site has several accounts, none bound yet, or the vault is
 * locked, a click on our button (content script, trusted and genuine clicks only) opens the popup,
 * which unlocks and/or lets the user pick the account. Each click is a pick with its own id, held for
 * that one frame and document (./pick-store.ts); the popup shows the pick of its tab and fills by that
 * id, so the code goes only where the popup said. Account names never enter the page.
 */
import { matchAccounts, siteOf } from '../../core/site';
import { updateAccount, type VaultData } from '../../core/vault';
import type { CodeAnswer, PendingPick } from '../../shared/protocol';
import { BackgroundError } from '../errors';
import { sendToFrame } from '../send-to-frame';
import type { VaultService } from '../vault/vault-service';
import { codeAnswer } from './code-answer';
import { codeOffsetNow } from '../clock/code-clock';
import { lookalikeFor } from './lookalike-for';
import { PickError } from './pick-errors';
import { PickStore, type Pick, type PickTarget } from './pick-store';

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
    const { ids, unbound } = eligible(data, pick.origin);
    const url = new URL(pick.origin);
    return {
      id: pick.id,
      host: url.host,
      site: siteOf(pick.origin) ?? url.hostname,
      ids,
      unbound,
      lookalike: lookalikeFor(data, pick.origin),
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
  const offset = await codeOffsetNow();
  const answerFor = (data: VaultData) =>
    codeAnswer(
      data.accounts.find((a) => a.id === id)!,
      now,
      true,
      pick.origin,
      offset,
    );
  const answer = always
    ? await vault.mutate((data) => {
        const next = choose(data);
        return { data: next, result: answerFor(next) };
      })
    : await vault.read((data) => answerFor(choose(data)));
  return sendCode(pick, answer);
}

/** After an unlock asked for by the in-field button: fill tab `tabId`'s pick at once if exactly one account is the site's. */
export async function finishPickAfterUnlock(
  vault: VaultService,
  tabId: number | null,
  now = Date.now(),
): Promise<void> {
  const pick = tabId === null ? null : picks.latest(tabId, now);
  if (!pick) return;
  const offset = await codeOffsetNow();
  const answer = await vault.read((data) => {
    const { bound } = eligible(data, pick.origin);
    const account = bound.length === 1 ? data.accounts.find((a) => a.id === bound[0]) : undefined;
    return account ? codeAnswer(account, now, true, pick.origin, offset) : null;
  });
  if (!answer) return;
  picks.remove(pick);
  await sendCode(pick, answer);
}

async function sendCode(pick: Pick, answer: CodeAnswer): Promise<{ filled: boolean }> {
  const reply = await sendToFrame(pick.tabId, { type: 'content/fill-code', answer, origin: pick.origin }, pick);
  return { filled: reply?.filled === true };
}
