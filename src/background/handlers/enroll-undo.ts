import { deleteAccount, restoreAccount, type VaultData } from '../../core/vault';
import type { NoFields } from '../../shared/protocol';
import type { SenderLike } from '../../shared/sender';
import { BackgroundError } from '../errors';
import { lookup, whereFrom } from '../enroll/pending';
import { senderOrigin } from '../../shared/sender';
import type { Services } from './context';

/**
 * `enroll/undo` (content scripts): Undo in the toast; moves exactly the accounts this QR added to the
 * trash, and brings back the old account it replaced ("Replace the old one?", issue 13).
 */
export async function enrollUndo({ vault }: Services, token: string, sender: SenderLike): Promise<NoFields> {
  const entry = lookup(token, whereFrom(sender, senderOrigin(sender)));
  if (!entry) throw new BackgroundError('protocol/bad-request', 'Unknown or expired QR');
  const ids = [...entry.added];
  const replaced = [...entry.replaced];
  // The token forgets them only once the write is done: an Undo that failed (the vault locked while
  // the toast was up, storage full) can be tried again and still knows what to undo. Two at once are
  // one Undo: the second finds nothing left to move.
  const result = await vault.mutate((data, now) => {
    let next: VaultData = data;
    for (const id of ids) if (next.accounts.some((a) => a.id === id)) next = deleteAccount(next, id, { now });
    for (const id of replaced)
      if (next.trash.some((t) => t.account.id === id)) next = restoreAccount(next, id, { now });
    return { data: next, result: {} };
  });
  entry.added = entry.added.filter((id) => !ids.includes(id));
  entry.replaced = entry.replaced.filter((id) => !replaced.includes(id));
  delete entry.codeFor; // the confirmation field gets no more codes after Undo
  return result;
}
