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
 * A guard from a compact spec, `'token outcome:object'`: each named field has that `typeof` (string when
 * not said); optional fields are not named. The reason never carries a value.
 */
const fields =
  <T>(spec: string): Check<T> =>
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    spec.split(' ').every((field) => {
      const [name, type = 'string'] = field.split(':');
      return !name || typeof (value as Record<string, unknown>)[name] === type;
    })
      ? null
      : 'content: bad request';

export const toContentMessages = {
  'content/ping': message<NoFields, ContentHello>(BACKGROUND, fields('')),
  /** An enrollment confirmed while locked completed after unlock. */
  'content/enrolled': message<{ token: string; outcome: EnrollOutcome }, NoFields>(
    BACKGROUND,
    fields('token outcome:object'),
  ),
  /** "Scan this page" from the popup: the page's authenticator QR tokens and how many QR codes it has. */
  'content/scan': message<NoFields, { tokens: string[]; qrs: number }>(BACKGROUND, fields('')),
  /** A short message to show on the page (e.g. the result of "Add selected key"). */
  'content/notice': message<{ text: string }, NoFields>(BACKGROUND, fields('text')),
  /** Fill the page's code field now (popup click or keyboard shortcut). */
  'content/fill-now': message<{ accountId?: string; grant: string }, { filled: boolean }>(
    BACKGROUND,
    fields('grant'),
  ),
  /** Fill this code, picked by the user in the popup for this very document. */
  'content/fill-code': message<{ answer: CodeAnswer; origin: string }, { filled: boolean }>(
    BACKGROUND,
    fields('origin answer:object'),
  ),
};
