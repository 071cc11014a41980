/**
 * Records of the messages the background sends to a frame's content script (typed `sendToFrame` in
 * background/send-to-frame.ts; answered through platform/runtime-lite.ts `onBackgroundMessage`).
 * Only our own background can reach a content script's onMessage (pages cannot), so these guards are
 * belts and braces against our own bugs; they are hand-written and tiny because this file ships in
 * every web page's content script.
 */
import type { ContentHello } from '../protocol';
import type { Check } from '../validate/check';
import { BACKGROUND, message, type NoFields } from './define';

/**
 * Each message's request fields, in a compact spec, `'grant origin'`: each named field has that
 * `typeof` (string when not said); optional fields are not named. The content script checks against
 * this map alone (platform/runtime-lite.ts): the records below would ship more bytes to every page.
 */
export const CONTENT_FIELDS = {
  'content/ping': '',
  'content/enrolled': 'token',
  'content/scan': '',
  'content/notice': 'text',
  'content/fill-now': 'grant',
  'content/pick-ready': 'origin grant',
};

/**
 * The name of the function a content script leaves on its isolated world's global object to start
 * listening for background messages (platform/runtime-lite.ts); background/send-to-frame.ts calls it
 * through `scripting.executeScript`, which runs in that same world. Pages cannot see that world.
 */
export const WAKE_HOOK = '__clickauthListen';

/** Whether `value` is an object whose fields have the types `spec` names. */
export const hasFields = (spec: string, value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  spec.split(' ').every((field) => {
    const [name, type = 'string'] = field.split(':');
    return !name || typeof (value as Record<string, unknown>)[name] === type;
  });

/** The guard of a record, from its spec above: the reason never carries a value. */
const fields =
  <T>(type: keyof typeof CONTENT_FIELDS): Check<T> =>
  (value) =>
    hasFields(CONTENT_FIELDS[type], value) ? null : 'content: bad request';

export const toContentMessages = {
  'content/ping': message<NoFields, ContentHello>(BACKGROUND, fields('content/ping')),
  /**
   * An enrollment finished away from the page (confirmed while locked, then unlocked; a captured QR
   * accepted in the popup). Only the token: the frame asks for the outcome (`enroll/outcome`), which the
   * background gives only to the frame, origin and document the token is bound to, judged from the
   * browser's `sender`. Where the browser names no document (Firefox), a frame id may hold another
   * site's page by now; what it is told here is worth nothing to it.
   */
  'content/enrolled': message<{ token: string }, NoFields>(BACKGROUND, fields('content/enrolled')),
  /** "Scan this page" from the popup: the page's authenticator QR tokens and how many QR codes it has. */
  'content/scan': message<
    NoFields,
    { tokens: string[]; qrs: number; malformed?: { count: number; code: string }; busy?: number }
  >(BACKGROUND, fields('content/scan')),
  /** A short message to show on the page (e.g. the result of "Add selected key"). */
  'content/notice': message<{ text: string }, NoFields>(BACKGROUND, fields('content/notice')),
  /** Fill the page's code field now (popup click or keyboard shortcut). */
  'content/fill-now': message<{ accountId?: string; grant: string }, { filled: boolean }>(
    BACKGROUND,
    fields('content/fill-now'),
  ),
  /**
   * The user picked an account in the popup for this frame: ask for its code with `grant`
   * (`fill/pick-code`), which the background honours only from the pick's frame, origin and document,
   * judged from the browser's `sender`. No code rides on this message: where the browser names no
   * document (Firefox), the frame may hold another site's page by now. `origin`: the pick's origin, so
   * a document of another origin does not even ask.
   */
  'content/pick-ready': message<{ grant: string; origin: string }, { filled: boolean }>(
    BACKGROUND,
    fields('content/pick-ready'),
  ),
};
