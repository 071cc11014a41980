import { matchAccounts } from '../../core/site';
import type { FillAnswer } from '../../shared/protocol';
import { senderOrigin, type SenderLike } from '../../shared/sender';
import { codeAnswer, submitsOn } from '../fill/code-answer';
import { frameScope, grantsReady, grantsSaved, issueGrant, redeemGrant, refreshGrantMs } from '../fill/grants';
import { eligible } from '../fill/pick';
import { embeddedByOrigin, embeddedBySite, embedders, silentFrame, topOrSameSite } from '../fill/silent';
import type { FrameAncestors } from '../../platform/web-navigation';
import type { Services } from './context';
import { settingsGet } from './settings-get';
import { codeOffsetNow } from '../clock/code-clock';

/** A grant for our button's click: it may sit in the field a while. */
const BUTTON_GRANT_MS = 30 * 60_000;

export interface FillRequest {
  /** The user picked this account (popup click, shortcut); it must still belong to the frame's site. */
  accountId?: string;
  /**
   * A grant the background issued: with our button's answer (to this frame) or with `content/fill-now`
   * (to this tab). Only a live grant makes the request one the user asked for; no message field does.
   */
  grant?: string;
  /** Our content script judged the field seen by the user (content/fill/visible.ts). */
  visible?: boolean;
  /** The field wants two consecutive codes ("code 1 / code 2"): only these answers carry `next`. */
  consecutive?: boolean;
  /** A password field on a site whose account has "password and code in one field" on. */
  append?: boolean;
}

/**
 * `fill/request` (content scripts only): the frame found a one-time-code field. The origin is the
 * frame's own, from `sender` — an iframe gets codes for its own site, never its parent's, and a
 * lookalike host matches no account (registrable domain via the public-suffix list, see core/site).
 * Only a code goes back, never a secret or which accounts exist. Answers other than a code put our
 * button in the field, so they are given only where the button can do something.
 *
 * A code comes with no click only when all hold: autofill is on, the frame is top or same-site with
 * the top page and is https (fill/silent.ts), our content script saw the field, and the field does not
 * want two codes. Otherwise a one-time grant for this frame comes back and our button's click fills;
 * except in a frame another site embeds (`framed`), where the button opens the popup to fill from.
 */
export async function fillRequest(
  services: Services,
  sender: SenderLike,
  request: FillRequest = {},
  now = Date.now(),
  frames?: FrameAncestors,
): Promise<FillAnswer> {
  const origin = senderOrigin(sender);
  if (!origin) return { kind: 'none' };
  const state = await services.vault.state();
  if (state === 'empty') return { kind: 'none' };
  if (state === 'locked') return request.append ? { kind: 'none' } : { kind: 'locked' };
  const { autofill } = await settingsGet(services);
  await grantsReady(); // a new worker has the grants the one before it gave
  // The frame tree is walked only where it can change the answer: a subframe of the top page's site
  // with an account of its own (the walk is a browser call per level). A top frame has none above it.
  const walk =
    sender.frameId !== 0 &&
    topOrSameSite(sender, origin) &&
    (await services.vault.read((data) => matchAccounts(data.accounts, origin).length > 0));
  const above = sender.frameId === 0 ? [] : walk ? await embedders(sender, frames) : null;
  const bySite = embeddedBySite(sender, origin, above);
  const silentHere = silentFrame(sender, origin, above);
  const offset = await codeOffsetNow();
  const answer = await services.vault.read((data): FillAnswer => {
    const matching = matchAccounts(data.accounts, origin);
    // A chosen account still has to belong to this frame's site.
    const ids = request.accountId === undefined ? matching : matching.filter((id) => id === request.accountId);
    const account = ids.length === 1 ? data.accounts.find((a) => a.id === ids[0]) : undefined;
    // An account narrowed to its exact origin: embedded only by that origin too (a user-content
    // subdomain framing the login page gets our button, not the code).
    const byOwn = bySite && (!account?.fill.exactOrigin || embeddedByOrigin(origin, above));
    const silent = silentHere && byOwn;
    // A grant is used up only by the request it gives a code to: a tab-wide grant (popup click,
    // shortcut) goes to every frame of the tab, and a frame another site embeds, a frame with no
    // account of its own or a password field must leave it for the page's code field. A frame another
    // site embeds redeems no grant at all, not even one issued to it (it fills through the popup only).
    const granted = redeemGrant(
      request.grant,
      sender,
      now,
      (scope) =>
        byOwn &&
        !request.append &&
        account !== undefined &&
        (scope.accountId === undefined || scope.accountId === account.id) &&
        (account.type !== 'hotp' || scope.hotp?.accountId === account.id),
    );
    const asked = granted !== null;
    // The per-site "password and code" option is its own opt-in; the global switch governs code fields.
    // Per origin (vault v4): `panel.example` may want the code in its own field while `webmail.example` does not.
    if (request.append)
      return silent && account?.fill.appendOn.includes(origin) && account.type !== 'hotp'
        ? codeAnswer(account, now, false, origin, offset)
        : { kind: 'none' };
    if (ids.length > 1) return { kind: 'several', count: ids.length };
    // HOTP codes are only taken by hand (each one moves the counter), never filled on sight: the popup
    // took the code and moved the counter on (accounts/hotp-use); the tab's grant carries that code.
    if (account?.type === 'hotp' && asked && granted?.hotp?.accountId === account.id) {
      return {
        kind: 'code',
        code: granted.hotp.code,
        next: null,
        validUntil: null,
        submit: submitsOn(account, origin),
      };
    }
    if (!account || account.type === 'hotp') {
      const pickable =
        request.accountId === undefined && matching.length === 0 && eligible(data, origin).unbound.length > 0;
      return pickable ? { kind: 'choose' } : { kind: 'none' };
    }
    // A frame another site (or, for a narrowed account, another origin) embeds: that site can hide the
    // frame from the user in ways neither our content script (it sees only its own frame's styles) nor
    // the browser's visibility check (IntersectionObserver v2 ignores a CSS mask; Firefox has none) can
    // tell, and put a decoy under the user's click on our button. So the button opens the popup, which
    // names the site and fills on a click there, in our own UI.
    if (!byOwn) return { kind: 'framed' };
    const consecutive = request.consecutive === true;
    if (asked) {
      const answer = codeAnswer(account, now, consecutive, origin, offset);
      if (answer.validUntil === null) return answer;
      // The refresh grant: this frame and document, this account only (the page sends its id again when
      // the user chose one of several), for the field's 5 minutes of refreshes.
      const scope = { ...frameScope(sender), accountId: account.id };
      return { ...answer, grant: issueGrant(scope, refreshGrantMs(answer.validUntil, now), now) };
    }
    // Our button's grant, only where the answer puts the button in the field (not with a code).
    const button = () => issueGrant(frameScope(sender), BUTTON_GRANT_MS, now);
    if (!autofill) return { kind: 'off', grant: button() };
    if (!silent || request.visible !== true || consecutive) return { kind: 'confirm', grant: button() };
    return codeAnswer(account, now, false, origin, offset);
  });
  await grantsSaved(); // a grant used up here is used up in storage too before its code goes out
  return answer;
}

/** The message as a content script sent it: only known fields of the right type are read. */
export function fillRequestOf(message: Record<string, unknown>): FillRequest {
  const request: FillRequest = {};
  if (typeof message.accountId === 'string') request.accountId = message.accountId;
  if (typeof message.grant === 'string') request.grant = message.grant;
  if (message.visible === true) request.visible = true;
  if (message.consecutive === true) request.consecutive = true;
  if (message.append === true) request.append = true;
  return request;
}
