/** Record of the clock message (issue 13): extension pages only; it has no request fields. */
import type { ClockStatus } from '../protocol';
import { payload } from '../validate/check';
import { message, PAGES, type NoFields } from './define';

export const clockMessages = {
  /** The measured clock offset (from `Date` headers of the user's sites; a HEAD to one of them when there are none). */
  'clock/status': message<NoFields, ClockStatus>(PAGES, payload({})),
};
