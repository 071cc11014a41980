import type { SenderLike } from '../../shared/sender';
import { senderOrigin } from '../../shared/sender';
import { lookup, whereFrom } from '../enroll/pending';
import type { Services } from './context';
import { codeView } from './codes-get';
import { codeOffsetNow } from '../clock/code-clock';

const NOTHING = { code: '', validUntil: null } as const;

/**
 * `enroll/code` (content scripts): the setup page's confirmation field, filled after the click, asks
 * again when its code rolls over. Only the frame and document that enrolled, for the account whose
 * code it already got (enroll/complete.ts decided that the page may have it), and only the current
 * code: never the next one early. After Undo, or once the token expired, nothing.
 */
export async function enrollCode(
  { vault }: Services,
  token: string,
  sender: SenderLike,
  now = Date.now(),
): Promise<{ code: string; validUntil: number | null }> {
  const entry = lookup(token, whereFrom(sender, senderOrigin(sender)), now);
  const id = entry?.codeFor;
  if (!id) return NOTHING;
  if ((await vault.state()) !== 'unlocked') return NOTHING;
  const offset = await codeOffsetNow();
  return vault.read((data) => {
    const account = data.accounts.find((a) => a.id === id);
    if (!account || account.type === 'hotp') return NOTHING;
    const { code, validUntil } = codeView(account, now, offset);
    return { code, validUntil };
  });
}
