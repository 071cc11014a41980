import type { BackgroundType, ResponseOf, ToBackground, Envelope, SenderKind } from '../shared/protocol';
import { isBackgroundType, toBackground, type MessageRecord } from '../shared/messages';
import { classifySender, type SenderLike } from '../shared/sender';
import { fail, ok, type Reply } from '../shared/result';
import { logger } from '../shared/logger';

const log = logger('router');

export interface HandlerContext {
  sender: SenderLike;
  kind: SenderKind;
}

export type Handler<K extends BackgroundType> = (
  message: Envelope<ToBackground, K>,
  context: HandlerContext,
) => ResponseOf<ToBackground, K> | Promise<ResponseOf<ToBackground, K>>;

/** Exactly one handler per record of the registry (shared/messages): a missing one does not compile. */
export type Handlers = { [K in BackgroundType]: Handler<K> };

type Records = { readonly [K in BackgroundType]: MessageRecord<unknown, unknown> };

/**
 * Route one message by its record `{ type, senders, validate }` and its handler: check the type is
 * known, that this kind of sender may send it (decided from `sender`), that the request passes the
 * record's run-time check (a page can send anything), run the handler, and wrap the outcome in a
 * Reply. Errors with a `code` keep it; anything else becomes `internal` without its message (it could
 * carry data).
 */
export function createRouter(
  handlers: Handlers,
  identity: { id: string; origin: string },
  records: Records = toBackground,
) {
  return async function route(message: unknown, sender: SenderLike): Promise<Reply<unknown>> {
    const type = (message as { type?: unknown } | null)?.type;
    if (!isBackgroundType(type) || !Object.hasOwn(records, type))
      return fail('protocol/unknown-message', 'Unknown message');
    const record = records[type];
    const kind = classifySender(sender, identity.id, identity.origin);
    if (!kind || !record.senders.includes(kind)) {
      return fail('protocol/forbidden', 'This sender may not send this message');
    }
    const problem = record.validate(message);
    if (problem) return fail('protocol/bad-request', problem);
    try {
      const handler = handlers[type] as Handler<typeof type>;
      return ok(await handler(message as Envelope<ToBackground, typeof type>, { sender, kind }));
    } catch (error) {
      const { code, field } = error as { code?: unknown; field?: unknown };
      // A typed error (a wrong password, a malformed URI) is an answer for the user, not a fault.
      if (typeof code === 'string')
        return fail(code, (error as Error).message, typeof field === 'string' ? field : undefined);
      log.error('handler failed', type, error);
      return fail('internal', 'Internal error');
    }
  };
}

/** The handlers of one area's records (background/messages/<area>.ts): exactly these keys, each typed. */
export type AreaHandlers<M> = { [K in keyof M & BackgroundType]: Handler<K> };
