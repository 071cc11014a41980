/** Every reply on the message bus has this shape (ARCHITECTURE.md rule 3). */
export interface WireError {
  /** Stable, machine-readable code; the UI turns it into words in the user's locale. */
  code: string;
  message: string;
  field?: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: WireError };

export const ok = <T>(value: T): Reply<T> => ({ ok: true, value });

export const fail = (code: string, message: string, field?: string): Reply<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});

/** Thrown at the edge when a reply is an error, so callers can `try` around a typed call. */
export class RemoteError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  constructor(error: WireError) {
    super(error.message);
    this.name = 'RemoteError';
    this.code = error.code;
    this.field = error.field;
  }
}

export function unwrap<T>(reply: Reply<T>): T {
  if (reply.ok) return reply.value;
  throw new RemoteError(reply.error);
}
