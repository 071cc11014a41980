import type { AccountView } from '../shared/protocol';
import type { Translate } from './api';
import { hostName } from './host-name';

/** "Added from github.com on 7 Dec 2026, 14:05": what tells two accounts that look the same apart. */
export function addedText(t: Translate, account: Pick<AccountView, 'createdAt' | 'addedOn'>): string {
  // Date and minute: a key kept beside the old one is often added the same day.
  const date = new Date(account.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  let host = '';
  try {
    if (account.addedOn) host = hostName(new URL(account.addedOn).host);
  } catch {
    // Not an origin (nothing we wrote): the date alone.
  }
  return host ? t('addedFrom', [host, date]) : t('addedAt', date);
}
