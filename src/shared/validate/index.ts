/**
 * The run-time check of each message's request, keyed by message type (the `validate` of issue 15's
 * `{ type, senders, validate, handle }` records). Every message a content script may send MUST have
 * one: the router refuses a content-script message without a check (tests/unit/shared/validate.test.ts
 * proves each one is here). Adding a field to a request is one line in the domain file.
 */
import type { BackgroundType, Envelope, ToBackground } from '../protocol';
import type { Check } from './check';
import { enrollChecks } from './enroll';
import { fillChecks } from './fill';
import { pageChecks } from './pages';

/** The request of message K without its `type`. */
export type RequestOf<K extends BackgroundType> = Omit<Envelope<ToBackground, K>, 'type'>;

/** Typed against the protocol: a check that misses a required field or has the wrong type for one does not compile. */
export const requestChecks: { readonly [K in BackgroundType]?: Check<RequestOf<K>> } = {
  ...enrollChecks,
  ...fillChecks,
  ...pageChecks,
};

/** Null when `message` is a well-formed `type` request, else why not; `required`: a missing check is itself a refusal. */
export function requestProblem(type: BackgroundType, message: unknown, required: boolean): string | null {
  const check = requestChecks[type] as Check<unknown> | undefined;
  if (!check) return required ? `${type}: no run-time check` : null;
  return check(message);
}
