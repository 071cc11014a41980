import type { Page } from 'playwright-core';
import { call } from '../e2e/popup-helpers';
import { encodeMigration } from '../../src/core/otpauth-uri';
import type { ParsedAccount } from '../../src/core/otpauth-uri';

/** Adds `accounts` through `page` in batches: one migration URI of 1000 accounts is over accounts/add-uri's 64 KB check. */
export async function addAccounts(page: Page, accounts: ParsedAccount[]): Promise<void> {
  for (let i = 0; i < accounts.length; i += 250) {
    await call(page, {
      type: 'accounts/add-uri',
      uri: encodeMigration({
        accounts: accounts.slice(i, i + 250),
        version: 1,
        batchSize: 1,
        batchIndex: 0,
        batchId: 1,
      }),
    });
  }
}
