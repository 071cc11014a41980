import { classifyQrText } from '../../core/qr';
import { addAccount, type Account, type VaultData } from '../../core/vault';
import { DuplicateAccount } from '../../core/errors';
import { captureVisibleTab } from '../../platform/capture';
import type { ScanResult } from '../../shared/protocol';
import { findAllQrTexts } from '../scan/find-all';
import type { Services } from './context';
import { parseAnyUri } from './parse-any-uri';
import { toView } from './views';

/**
 * `scan/visible-tab` (popup): capture what the user sees, decode every QR code in it, add the
 * authenticator ones bound to the tab's site. Web addresses and other QR codes are counted, not added.
 */
export async function scanVisibleTab(services: Services): Promise<ScanResult> {
  const [origin, image] = await Promise.all([services.activeOrigin(), captureVisibleTab()]);
  const texts = findAllQrTexts(image);
  const keys = texts.filter((text) => classifyQrText(text).kind !== 'other');
  const parsed = keys.flatMap((text) => {
    try {
      return parseAnyUri(text);
    } catch {
      return [];
    }
  });
  const { added, duplicates } = await services.vault.mutate((data, now) => {
    let next: VaultData = data;
    const accounts: Account[] = [];
    let dupes = 0;
    for (const input of parsed) {
      try {
        const result = addAccount(next, { ...input, sites: origin ? [origin] : [] }, { now });
        next = result.vault;
        accounts.push(result.account);
      } catch (error) {
        if (!(error instanceof DuplicateAccount)) throw error;
        dupes++;
      }
    }
    return { data: next, result: { added: accounts, duplicates: dupes } };
  });
  return { found: texts.length, added: added.map(toView), notAuthenticator: texts.length - keys.length, duplicates };
}
