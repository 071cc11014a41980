/**
 * Fill at login: find the page's one-time-code field (now or when it is rendered later), ask the
 * background for a code for this frame's own site, fill it. If the code has under 3 s left, fill it
 * and fill the next one when it rolls over, unless the user has submitted or typed meanwhile.
 */
import { fillCode, findOtpFields, watchOtpFields, type OtpTarget } from './fill';
import { sendToBackground } from '../platform/runtime-lite';

const ROLLOVER_MS = 3000;

async function offer(target: OtpTarget, request: { accountId?: string; explicit?: boolean } = {}, now = Date.now): Promise<boolean> {
  const answer = await sendToBackground({ type: 'fill/request', ...request });
  if (answer.kind !== 'code') return false;
  const filled = fillCode(target, answer.code, answer.next ?? undefined);
  if (filled && answer.validUntil !== null && answer.validUntil - now() < ROLLOVER_MS && answer.next) {
    const next = answer.next;
    // fillCode only overwrites what we put there, so a user's own typing is never replaced.
    setTimeout(() => fillCode(target, next), Math.max(0, answer.validUntil - now()) + 50);
  }
  return filled;
}

/** The user asked (popup click on an account, keyboard shortcut): fill this page's field now. */
export async function fillNow(accountId?: string): Promise<{ filled: boolean }> {
  const target = findOtpFields(document);
  if (!target) return { filled: false };
  return { filled: await offer(target, { ...(accountId ? { accountId } : {}), explicit: true }) };
}

export function startAutofill(doc: Document = document): void {
  const found = findOtpFields(doc);
  if (found) void offer(found).catch(() => false);
  // Keep watching after a fill (single-page apps render a new code field on every sign-in; each
  // input is offered once). A short debounce: mutation records already arrive batched per task, and
  // the user is waiting on this. At most 1000 scans per page.
  watchOtpFields(
    doc,
    (target) => {
      void offer(target).catch(() => false);
      return false;
    },
    40,
    1000,
  );
}
