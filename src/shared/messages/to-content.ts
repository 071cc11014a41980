/**
 * Records of the messages the background sends to a frame's content script (typed `sendToFrame` in
 * background/send-to-frame.ts; answered through platform/runtime-lite.ts `onBackgroundMessage`).
 * Only our own background can reach a content script's onMessage (pages cannot), so these guards are
 * belts and braces against our own bugs; they are hand-written and tiny because this file ships in
 * every web page's content script.
 */
import type { CodeAnswer, ContentHello, EnrollOutcome } from '../protocol';
import type { Check } from '../validate/check';
import { BACKGROUND, message, type NoFields } from './define';

/**
 * Each message's request fields, in a compact spec, `'token outcome:object'`: each named field has that
 * `typeof` (string when not said); optional fields are not named. The content script checks against
 * this map alone (platform/runtime-lite.ts): the records below would ship more bytes to every page.
 */
export const CONTENT_FIELDS = {
  'content/ping': '',
  'content/enrolled': 'token outcome:object',
  'content/scan': '',
  'content/notice': 'text',
  'content/fill-now': 'grant',
  'content/fill-code': 'origin answer:object',
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
  /** An enrollment confirmed while locked completed after unlock. */
  'content/enrolled': message<{ token: string; outcome: EnrollOutcome }, NoFields>(
    BACKGROUND,
    fields('content/enrolled'),
  ),
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
  /** Fill this code, picked by the user in the popup for this very document. */
  'content/fill-code': message<{ answer: CodeAnswer; origin: string }, { filled: boolean }>(
    BACKGROUND,
    fields('content/fill-code'),
  ),
};
