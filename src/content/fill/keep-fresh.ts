/**
 * Keeps a code field we filled current: the login field (../autofill.ts) and the setup page's
 * confirmation field (../enroll/rollover.ts). A slow user would otherwise submit an expired code.
 *
 * A timer aimed at `validUntil` is not enough: `validUntil` is a wall-clock time, browser timers run
 * on a clock that stops while the computer sleeps, and the wall clock can jump forward (NTP, the user
 * setting it); such a timer fires up to a whole period late, and until then the field holds a code
 * from before. So the time is looked at again every second (and when the page comes back: tab shown,
 * back/forward cache, window focused), and the code is asked for again once it has expired. Only
 * while the field still holds exactly what we wrote, the user has neither typed in it nor submitted
 * its form, while it is in the page, and for `forMs` at most: a page we filled nothing in has no timer at all.
 */
import { fillCode, stillOurs } from './fill';
import { inputsOf } from './observe';
import type { OtpTarget } from './classify';

/** A code and when it expires; null from `ask`: no code any more (locked, Undo, extension reloaded). */
export interface Fresh {
  code: string;
  next?: string | null | undefined;
  validUntil: number | null;
}

/** Asked just after the rollover, never before (the background only ever gives the current code). */
const AFTER_ROLLOVER_MS = 50;
/** The shortest wait between two asks, whatever `validUntil` says (one in the past must not spin). */
const MIN_WAIT_MS = 1000;
/** A code valid for longer than this from now is not this clock's (it went back): asked for again. */
const MAX_AHEAD_MS = 10 * 60 * 1000;
/** How often the clock is looked at between rollovers (a sleep or a clock jump shows within this). */
const TICK_MS = 1000;
/**
 * For how long it is looked at every second (issue 16: the content script's CPU). Later only a timer
 * aimed at the rollover and the page coming back make it look (a field kept longer: the setup page's).
 */
const TICK_FOR_MS = 5 * 60 * 1000;
/** After that, the longest single wait (a `validUntil` far ahead, after the clock went back, must not overflow a timer). */
const LONG_TICK_MS = 60 * 1000;

/** Keeps `target` current from a code valid until `validUntil`; returns a function that stops it. */
export function keepFresh(
  target: OtpTarget,
  validUntil: number,
  ask: () => Promise<Fresh | null>,
  forMs: number,
  now: () => number = Date.now,
): () => void {
  const inputs = inputsOf(target);
  const form = inputs[0]?.form ?? null;
  const doc = inputs[0]?.ownerDocument ?? document;
  const view = doc.defaultView;
  // Durations on the monotonic clock (it stands still while the computer sleeps): a field found
  // again after a sleep is still refreshed once.
  const started = performance.now();
  const ran = () => performance.now() - started;
  let until = validUntil;
  // When last asked, on the monotonic clock (a clock set back must not hold the asks back). A code in
  // the field already past its time (the background's answer counts as an ask): a second before the first.
  let askedAt = until <= now() ? performance.now() : -Infinity;
  const sinceAsked = () => performance.now() - askedAt;
  let asking = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Only the user's own keys and submits count: our fill dispatches untrusted key events.
  const onKey = (event: Event) => event.isTrusted && stop();
  const onBack = () => (doc.visibilityState === 'hidden' ? undefined : check());
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    for (const input of inputs) input.removeEventListener('keydown', onKey, true);
    form?.removeEventListener('submit', stop, true);
    doc.removeEventListener('visibilitychange', onBack);
    view?.removeEventListener('pageshow', onBack);
    view?.removeEventListener('focus', onBack);
  };
  /** Sets the next look: at the rollover if it comes within a tick, else in a tick; never asks twice within a second. */
  const arm = () => {
    clearTimeout(timer);
    const t = now();
    const tick = ran() < Math.min(forMs, TICK_FOR_MS) ? TICK_MS : LONG_TICK_MS;
    const wait = Math.min(tick, Math.max(0, until + AFTER_ROLLOVER_MS - t, MIN_WAIT_MS - sinceAsked()));
    timer = setTimeout(check, wait);
  };
  const check = () => {
    if (stopped || asking) return;
    if (!inputs.every((i) => i.isConnected) || !stillOurs(inputs) || ran() > forMs) return stop();
    const ahead = until - now();
    // Still current, unless further ahead than any period (the clock went back: not this clock's code).
    if ((ahead > -AFTER_ROLLOVER_MS && ahead <= MAX_AHEAD_MS) || sinceAsked() < MIN_WAIT_MS) return arm();
    void refresh();
  };
  const refresh = async () => {
    asking = true;
    askedAt = performance.now();
    const answer = await ask().catch(() => null); // no answer (extension reloaded): refreshing stops
    asking = false;
    // The user may have typed while we waited: fillCode never replaces what it did not write.
    if (stopped || !answer?.code || !stillOurs(inputs) || !fillCode(target, answer.code, answer.next ?? undefined))
      return stop();
    if (answer.validUntil === null) return stop();
    until = answer.validUntil;
    arm();
  };
  for (const input of inputs) input.addEventListener('keydown', onKey, true);
  form?.addEventListener('submit', stop, true);
  doc.addEventListener('visibilitychange', onBack);
  view?.addEventListener('pageshow', onBack);
  view?.addEventListener('focus', onBack);
  arm();
  return stop;
}
