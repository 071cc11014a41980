import { classifyQrText } from '../../core/qr';
import { addAccount, type Account, type VaultData } from '../../core/vault';
import { DuplicateAccount } from '../../core/errors';
import { captureVisibleTab } from '../../platform/capture';
import { queryTabs, type QueryTabs } from '../../platform/tabs';
import type { ScanResult } from '../../shared/protocol';
import { completeEnrollment } from '../enroll/complete';
import { lookup } from '../enroll/pending';
import { findAllQrTexts } from '../scan/find-all';
import type { Services } from './context';
import { parseAnyUri } from './parse-any-uri';
import { sendToFrame } from '../send-to-frame';
import { toView } from './views';

/**
 * `scan/visible-tab` (popup): add the authenticator QR codes of the page the user is looking at. First
 * the page's content script reports its QR-shaped elements (decoded here, as for a click; bound to the
 * page's site); if it finds none, a screenshot of the whole visible tab is decoded instead. What only
 * the screenshot shows may come from another site (a cross-origin frame, an image the page could not
 * read), so those accounts are added bound to no site: the in-field button offers them at the next
 * login, where "Always use this account on this site" binds them. The host
 * permission <all_urls> lets captureVisibleTab take it on any page except those no extension may
 * capture (chrome://, the Web Store, other extensions' pages), where it fails and the page's answer
 * stands.
 */
export async function scanVisibleTab(services: Services, query: QueryTabs = queryTabs): Promise<ScanResult> {
  const [tab] = await query({ active: true, lastFocusedWindow: true });
  const fromPage = tab?.id === undefined ? null : await scanWithContentScript(services, tab.id);
  if (fromPage && fromPage.found > 0) return fromPage;
  // A tab that may not be captured (see above) leaves the content script's answer.
  return scanScreenshot(services).catch(() => fromPage ?? { found: 0, added: [], notAuthenticator: 0, duplicates: 0 });
}

async function scanWithContentScript(services: Services, tabId: number): Promise<ScanResult | null> {
  const found = await sendToFrame(tabId, { type: 'content/scan' }, { frameId: 0 });
  if (!found) return null;
  const added: Account[] = [];
  const reenroll: string[] = [];
  let duplicates = 0;
  for (const token of found.tokens) {
    const entry = lookup(token, { tabId, frameId: 0 });
    if (!entry) continue;
    const outcome = await completeEnrollment(services.vault, entry);
    if (outcome.kind === 'added') duplicates += outcome.duplicates;
    if (outcome.kind === 'reenroll') reenroll.push(outcome.issuer || outcome.account);
  }
  await services.vault.read((data) => {
    for (const token of found.tokens) {
      for (const id of lookup(token, { tabId, frameId: 0 })?.added ?? []) {
        const account = data.accounts.find((a) => a.id === id);
        if (account) added.push(account);
      }
    }
  });
  const { tokens, qrs } = found;
  // The page's keys that do not parse (a valid count and code only: the frame's answer is not trusted).
  const malformed =
    found.malformed && Number.isInteger(found.malformed.count) && found.malformed.count > 0
      ? { count: Math.min(found.malformed.count, qrs), code: String(found.malformed.code).slice(0, 64) }
      : undefined;
  return {
    found: qrs,
    added: added.map(toView),
    notAuthenticator: Math.max(0, qrs - tokens.length - (malformed?.count ?? 0)),
    duplicates,
    ...(reenroll.length > 0 && { reenroll }),
    ...(malformed && { malformed }),
    ...(Number.isInteger(found.busy) && found.busy! > 0 && { busy: found.busy }),
  };
}

async function scanScreenshot(services: Services): Promise<ScanResult> {
  const image = await captureVisibleTab();
  const texts = findAllQrTexts(image);
  const keys = texts.filter((text) => classifyQrText(text).kind !== 'other');
  let malformed: ScanResult['malformed'];
  const parsed = keys.flatMap((text) => {
    try {
      return parseAnyUri(text);
    } catch (error) {
      // A QR that looked like a key but does not parse is skipped (and said); the others are added.
      const code = (error as { code?: unknown } | null)?.code;
      malformed = {
        count: (malformed?.count ?? 0) + 1,
        code: malformed?.code ?? (typeof code === 'string' ? code : ''),
      };
      return [];
    }
  });
  const { added, duplicates } = await services.vault.mutate(
    (data, now) => {
      let next: VaultData = data;
      const accounts: Account[] = [];
      let dupes = 0;
      for (const input of parsed) {
        try {
          const result = addAccount(next, { ...input, sites: [] }, { now });
          next = result.vault;
          accounts.push(result.account);
        } catch (error) {
          if (!(error instanceof DuplicateAccount)) throw error;
          dupes++;
        }
      }
      return { data: next, result: { added: accounts, duplicates: dupes } };
    },
    parsed.length > 1 ? { restorePoint: 'bulk-add' } : {},
  );
  return {
    found: texts.length,
    added: added.map(toView),
    notAuthenticator: texts.length - keys.length,
    duplicates,
    ...(malformed && { malformed }),
  };
}
