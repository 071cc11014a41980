import type { NoFields } from '../../shared/protocol';
import { BackgroundError } from '../errors';
import { clearLater } from '../clipboard-clear';

/** `clipboard/clear-later`: the popup copied a code; clear it in 30 s if it is still there. */
export async function clipboardClearLater(text: string): Promise<NoFields> {
  if (typeof text !== 'string' || !/^[0-9A-Z]{5,8}$/.test(text))
    throw new BackgroundError('protocol/bad-request', 'Not a code');
  await clearLater(text);
  return {};
}
