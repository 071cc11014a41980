import { allowedSenders, isBackgroundType, type BackgroundType, type ResponseOf, type ToBackground, type Envelope, type SenderKind } from '../shared/protocol';
import { classifySender, type SenderLike } from '../shared/sender';
import { fail, ok, type Reply } from '../shared/result';
import { logger } from '../shared/logger';
import { requestProblem } from '../shared/validate';

const log = logger('router');

export interface HandlerContext {
  sender: SenderLike;
  kind: SenderKind;
}

export type Handler<K extends BackgroundType> = (
  message: Envelope<ToBackground, K>,
  context: HandlerContext,
) => ResponseOf<ToBackground, K> | Promise<ResponseOf<ToBackground, K>>;

export type Handlers = { [K in BackgroundType]: Handler<K> };

/**
 * Route one message: check its type is known, that this kind of sender may send it (decided from
 * `sender`) and that the request has its shape (shared/validate), run its handler, and wrap the
 * outcome in a Reply. Errors with a `code` keep it; anything else becomes `internal` without its
 * message (it could carry data).
 */
export function createRouter(handlers: Handlers, identity: { id: string; origin: string }) {
  return async function route(message: unknown, sender: SenderLike): Promise<Reply<unknown>> {
    const type = (message as { type?: unknown } | null)?.type;
    if (!isBackgroundType(type)) return fail('protocol/unknown-message', 'Unknown message');
    const kind = classifySender(sender, identity.id, identity.origin);
    if (!kind || !allowedSenders[type].includes(kind)) {
      return fail('protocol/forbidden', 'This sender may not send this message');
    }
    // A page can send anything: a content script's request must pass its run-time check before any
    // handler sees it (and a content-script message without a check is refused outright).
    const problem = requestProblem(type, message, kind === 'content-script');
    if (problem) return fail('protocol/bad-request', problem);
    try {
      const handler = handlers[type] as Handler<typeof type>;
      return ok(await handler(message as Envelope<ToBackground, typeof type>, { sender, kind }));
    } catch (error) {
      const { code, field } = error as { code?: unknown; field?: unknown };
      log.error('handler failed', type, error);
      if (typeof code === 'string') return fail(code, (error as Error).message, typeof field === 'string' ? field : undefined);
      return fail('internal', 'Internal error');
    }
  };
}
