/**
 * QRs that hold an authenticator key, and whether an input is their setup page's confirmation field.
 * We fill that field ourselves after the QR's click (present.ts), so the in-field button must not
 * show there before anything is enrolled (issue 17). Part of the content script that runs on every
 * page: the enroll scan registers here, the autofill asks.
 */
import { findOtpFields } from '../fill';
import { thoroughly } from './detect';

const qrs = new Set<Element>();
const listeners = new Set<() => void>();
const pending = new Set<Promise<unknown>>();

/** A decode under way: the autofill waits for it (a little) before it shows a button. */
export function tracked<T>(work: Promise<T>): Promise<T> {
  pending.add(work);
  // The caller handles the work's failure; this copy only counts it as finished.
  void work.finally(() => pending.delete(work)).catch(() => undefined);
  return work;
}

/** Resolves when no decode is under way, or after `ms`. */
export async function enrollSettled(ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (pending.size && Date.now() < deadline) {
    await Promise.race([Promise.allSettled([...pending]), new Promise((r) => setTimeout(r, deadline - Date.now()))]);
  }
}

export function addSetupQr(qr: Element): void {
  qrs.add(qr);
  for (const listener of listeners) listener();
}

export function onSetupQr(listener: () => void): void {
  listeners.add(listener);
}

const up = (el: Element): Element | null =>
  el.parentElement ?? ((el.getRootNode() as Partial<ShadowRoot>).host || null);

/** The same search as present.ts's fillConfirmation: from the QR's form or dialog up to the first box with a code field. */
export function isSetupField(input: Element): boolean {
  for (const qr of qrs) {
    if (!qr.isConnected) {
      qrs.delete(qr);
      continue;
    }
    for (
      let box: Element | null = qr.closest('form, dialog, [role=dialog], [aria-modal=true]') ?? up(qr);
      box;
      box = up(box)
    ) {
      if (box.contains(input)) return true;
      if (thoroughly(() => findOtpFields(box as unknown as Document))) break;
    }
  }
  return false;
}
