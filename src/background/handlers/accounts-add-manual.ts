import { parseManualEntry } from '../../core/otpauth-uri';
import { addAccount } from '../../core/vault';
import type { AccountView, ManualEntryInput } from '../../shared/protocol';
import type { Services } from './context';
import { toView } from './views';

/** `accounts/add-manual`: a key typed by hand; field errors come back with the field's name. */
export async function accountsAddManual({ vault }: Services, entry: ManualEntryInput): Promise<AccountView> {
  const parsed = parseManualEntry(entry);
  return vault.mutate((data, now) => {
    const { vault: next, account } = addAccount(data, parsed, { now });
    return { data: next, result: toView(account) };
  });
}
