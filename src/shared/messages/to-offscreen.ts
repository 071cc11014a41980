/** Records of the messages the background sends to its offscreen document (Chrome's clipboard helper). */
import { payload, str } from '../validate/check';
import { BACKGROUND, message } from './define';

export const toOffscreenMessages = {
  /** Clear the clipboard if it still holds exactly `text` (a code copied 30 s ago): src/offscreen/main.ts. */
  'offscreen/clear-clipboard-if': message<{ text: string }, { cleared: boolean }>(
    BACKGROUND,
    payload({ text: str(64) }),
  ),
};

/** A message addressed to the offscreen document (the background's own listener leaves it alone). */
export const isOffscreenMessage = (message: unknown): boolean => {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && Object.hasOwn(toOffscreenMessages, type);
};
