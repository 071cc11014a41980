/**
 * enroll/code: the setup page's confirmation field asks again at rollover. Only the frame and document
 * that enrolled get a code, only the current one, only for the account whose code the page already got;
 * nothing after Undo, nothing for an export or a captured QR the user did not bind.
 */
import { describe, expect, it } from 'vitest';
import { memoryPorts } from './memory-ports';

import { fakeBrowser } from '../../fake-browser';

// The page is told of each enrollment (sendToFrame); its answer does not matter here.
fakeBrowser({ tabs: { sendMessage: async () => ({ ok: true, value: {} }) } });

const { VaultService } = await import('../../../src/background/vault/vault-service');
const { completeEnrollment } = await import('../../../src/background/enroll/complete');
const { remember, lookup } = await import('../../../src/background/enroll/pending');
const { enrollCode } = await import('../../../src/background/handlers/enroll-code');
const { enrollUndo } = await import('../../../src/background/handlers/enroll-undo');
const { decodeBase32 } = await import('../../../src/core/bytes/base32');
const { codeAt } = await import('../../../src/core/otp');

const ORIGIN = 'https://mailmachine.test';
const NOW = Date.UTC(2026, 11, 5, 9, 0, 20);
const account = (period = 30) =>
  ({
    type: 'totp',
    issuer: 'Mail Machine',
    account: 'zoe',
    secret: decodeBase32('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'),
    algorithm: 'SHA1',
    digits: 6,
    period,
    counter: 0,
  }) as const;
const sender = { origin: ORIGIN, url: `${ORIGIN}/setup`, tab: { id: 7 }, frameId: 0, documentId: 'doc' };

async function enrolled(flags: { batch?: boolean } = {}, period = 30) {
  const vault = new VaultService(memoryPorts().ports);
  await vault.create('correct horse battery');
  const services = { vault } as never;
  const token = remember({
    accounts: [account(period)],
    tabId: 7,
    frameId: 0,
    documentId: 'doc',
    origin: ORIGIN,
    captured: false,
    batch: flags.batch ?? false,
  });
  const outcome = await completeEnrollment(vault, lookup(token, { tabId: 7, frameId: 0 })!, {}, NOW);
  return { vault, services, token, outcome };
}

describe('enroll/code', () => {
  it('gives the enrolling frame the current code and when it ends, for 30- and 60-second accounts', async () => {
    for (const period of [30, 60]) {
      const { services, token, outcome } = await enrolled({}, period);
      const end = (Math.floor(NOW / 1000 / period) + 1) * period * 1000;
      expect(outcome).toMatchObject({ kind: 'added', code: codeAt(account(period), NOW), validUntil: end });
      const later = end + 50;
      expect(await enrollCode(services, token, sender, later)).toEqual({
        code: codeAt(account(period), later),
        validUntil: end + period * 1000,
      });
    }
  });

  it('another frame, document, tab or origin gets nothing', async () => {
    const { services, token } = await enrolled();
    for (const other of [
      { frameId: 1 },
      { documentId: 'doc-2' },
      { tab: { id: 8 } },
      { origin: 'https://evil.test', url: 'https://evil.test/' },
    ]) {
      expect(await enrollCode(services, token, { ...sender, ...other }, NOW)).toEqual({ code: '', validUntil: null });
    }
    expect(await enrollCode(services, '00000000-0000-4000-8000-000000000000', sender, NOW)).toEqual({
      code: '',
      validUntil: null,
    });
    // Control: the enrolling frame does get one.
    expect((await enrollCode(services, token, sender, NOW)).code).toMatch(/^\d{6}$/);
  });

  it('nothing after Undo, nothing for an export (no code went to the page)', async () => {
    const { services, token } = await enrolled();
    await enrollUndo(services, token, sender);
    expect(await enrollCode(services, token, sender, NOW)).toEqual({ code: '', validUntil: null });
    const batch = await enrolled({ batch: true });
    expect(batch.outcome).toMatchObject({ code: '', validUntil: null });
    expect(await enrollCode(batch.services, batch.token, sender, NOW)).toEqual({ code: '', validUntil: null });
  });
});
