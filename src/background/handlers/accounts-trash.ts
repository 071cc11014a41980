import type { TrashView } from '../../shared/protocol';
import type { Services } from './context';

/** `accounts/trash`: deleted accounts still restorable (30 days), newest first. */
export function accountsTrash({ vault }: Services): Promise<TrashView[]> {
  return vault.read((data) =>
    data.trash
      .map(({ account, deletedAt }) => ({
        id: account.id,
        issuer: account.issuer,
        account: account.account,
        deletedAt,
      }))
      .sort((a, b) => b.deletedAt - a.deletedAt),
  );
}
