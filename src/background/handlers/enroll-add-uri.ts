import { addAccount, type Account } from '../../core/vault';
import { codeAt } from '../../core/otp';
import { DuplicateAccount } from '../../core/errors';
import type { EnrollResult } from '../../shared/protocol';
import { BackgroundError } from '../errors';
import type { Services } from './context';
import { parseAnyUri } from './parse-any-uri';

/**
 * `enroll/add-uri` (content scripts only): the user clicked a QR/link holding this URI on a page.
 * The account is bound to the sender frame's origin (from `sender`, passed in by the router), and the
 * reply carries only the current code for that page's confirmation field — never the secret.
 */
export async function enrollAddUri({ vault }: Services, uri: string, origin: string | null): Promise<EnrollResult> {
  if (!origin) throw new BackgroundError('protocol/bad-request', 'No origin for this frame');
  const [input, ...rest] = parseAnyUri(uri);
  if (!input || rest.length > 0) throw new BackgroundError('enroll/not-authenticator', 'Expected one account');
  return vault.mutate((data, now) => {
    try {
      const { vault: next, account } = addAccount(data, { ...input, sites: [origin] }, { now });
      return { data: next, result: result(account, origin, now, false) };
    } catch (error) {
      if (!(error instanceof DuplicateAccount)) throw error;
      const existing = data.accounts.find((a) => a.id === error.existingId);
      if (!existing) throw error;
      return { data, result: result(existing, origin, now, true) };
    }
  });
}

function result(account: Account, origin: string, now: number, duplicate: boolean): EnrollResult {
  // A duplicate bound to another site gets no code here: codes go only to the account's own sites.
  const code = account.sites.includes(origin) ? codeAt(account, now) : '';
  return { issuer: account.issuer, account: account.account, code, duplicate };
}

