/**
 * A stand-in for the background's codes in the fill DOM tests: the "code" of a 30-s step is the step's
 * number, so a test can tell which step a field holds and whether a server (±1 step) takes it.
 */
import type { CodeAnswer } from '../../../src/shared/protocol';

export const STEP = 30_000;
export const codeOf = (at: number): string => String(Math.floor(at / STEP) % 1_000_000).padStart(6, '0');
/** What the background would answer now: the code of this 30-s step. */
export const current = (): CodeAnswer => ({
  kind: 'code',
  code: codeOf(Date.now()),
  next: null,
  validUntil: (Math.floor(Date.now() / STEP) + 1) * STEP,
  submit: false,
});
/** The codes a server checking ±1 step accepts now. */
export const accepted = (): string[] => [-1, 0, 1].map((d) => codeOf(Date.now() + d * STEP));
