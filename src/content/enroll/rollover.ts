/**
 * The setup page's confirmation field, filled with the first code after enrolling, is refreshed when
 * that code rolls over, as the login autofill does (../autofill.ts): a slow user would otherwise
 * submit an expired code and be told the setup failed. It stops for good when the user types in the
 * field or submits its form, when the field holds anything we did not write, and when the background
 * has no code any more (Undo, the QR's token expired, the vault locked).
 */
import { sendToBackground } from '../../platform/runtime-lite';
import { fillCode, inputsOf, stillOurs } from '../fill';
import type { OtpTarget } from '../fill/classify';

type Ask = (token: string) => Promise<{ code: string; validUntil: number | null }>;

/** Asked just after the rollover, never before (the background only ever gives the current code). */
const AFTER_ROLLOVER_MS = 50;
/** The shortest wait between two asks, whatever `validUntil` says (one in the past must not spin). */
const MIN_WAIT_MS = 1000;
/**
 * A pending QR lives 30 minutes (background/enroll/pending.ts): refreshing longer means something is
 * off. A duration, not a number of refreshes: a 10-s code rolls over 180 times in that half hour.
 */
const FRESH_FOR_MS = 30 * 60 * 1000;

const askBackground: Ask = (token) => sendToBackground({ type: 'enroll/code', token });

/** Keeps `target` current until the user takes over; returns a function that stops it. */
export function keepFresh(
  token: string,
  target: OtpTarget,
  validUntil: number,
  ask: Ask = askBackground,
  now: () => number = Date.now,
): () => void {
  const inputs = inputsOf(target);
  const form = inputs[0]?.form ?? null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ends = now() + FRESH_FOR_MS;
  let stopped = false;
  // Only the user's own keys and submits count: our fill dispatches untrusted key events.
  const onKey = (event: Event) => event.isTrusted && stop();
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    for (const input of inputs) input.removeEventListener('keydown', onKey, true);
    form?.removeEventListener('submit', stop, true);
  };
  const schedule = (until: number) => {
    timer = setTimeout(() => void tick(), Math.max(MIN_WAIT_MS, until - now() + AFTER_ROLLOVER_MS));
  };
  const tick = async () => {
    if (stopped || !stillOurs(inputs) || now() > ends) return stop();
    // No answer (locked, Undo, extension reloaded): the field keeps its code and refreshing stops.
    const answer = await ask(token).catch(() => null);
    // The user may have typed while we waited: fillCode never replaces what it did not write.
    if (stopped || !answer?.code || !stillOurs(inputs) || !fillCode(target, answer.code)) return stop();
    if (answer.validUntil === null) return stop();
    schedule(answer.validUntil);
  };
  for (const input of inputs) input.addEventListener('keydown', onKey, true);
  form?.addEventListener('submit', stop, true);
  schedule(validUntil);
  return stop;
}
