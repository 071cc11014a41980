import { matchAccounts } from '../../core/site';
import type { VaultService } from '../vault/vault-service';

/** Does `origin` belong to one of the user's accounts? Always no while the vault is locked (sites are encrypted). */
export async function isAccountSite(vault: VaultService, origin: string): Promise<boolean> {
  if ((await vault.state()) !== 'unlocked') return false;
  return vault.read((data) => matchAccounts(data.accounts, origin).length > 0);
}

/** The origin to ask for the time when no samples came in: the active tab's if it is an account's, else the first account site. */
export async function probeOrigin(vault: VaultService, activeOrigin: string | null): Promise<string | null> {
  if ((await vault.state()) !== 'unlocked') return null;
  if (activeOrigin && (await isAccountSite(vault, activeOrigin))) return activeOrigin;
  return vault.read((data) => {
    for (const account of data.accounts) {
      for (const site of account.sites) {
        // URL.parse is Chrome 126+; the manifest allows 116. Sites are stored as origins, checked here anyway.
        // https://developer.mozilla.org/docs/Web/API/URL/parse_static#browser_compatibility
        if (!/^https?:\/\/[^/]+$/.test(site)) continue;
        return new URL(site).origin;
      }
    }
    return null;
  });
}
