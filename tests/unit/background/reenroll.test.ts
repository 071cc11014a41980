/**
 * Enrolling again on the same site (issue 13): a QR with a new key for an issuer and account already
 * bound to the page's site is not added until the user answers "Replace the old one?"; replacing moves
 * the old one to the trash (Undo restores it), keeping both binds both (the site then asks which one).
 */
import { describe, expect, it } from 'vitest';
import { memoryPorts } from './memory-ports';

import { fakeBrowser } from '../../fake-browser';

// The page is told of each enrollment (sendToFrame); its answer does not matter here.
fakeBrowser({ tabs: { sendMessage: async () => ({ ok: true, value: {} }) } });

const { VaultService } = await import('../../../src/background/vault/vault-service');
const { completeEnrollment } = await import('../../../src/background/enroll/complete');
const { remember, lookup } = await import('../../../src/background/enroll/pending');
const { enrollReenroll } = await import('../../../src/background/handlers/enroll-reenroll');
const { enrollUndo } = await import('../../../src/background/handlers/enroll-undo');
const { matchAccounts } = await import('../../../src/core/site');

const ORIGIN = 'https://mailmachine.test';
const sender = { origin: ORIGIN, url: `${ORIGIN}/setup`, tab: { id: 7 }, frameId: 0, documentId: 'doc' };
const key = (byte: number) => new Uint8Array(20).fill(byte);
const parsed = (secret: Uint8Array, over: Partial<{ issuer: string; account: string }> = {}) =>
  ({
    type: 'totp',
    issuer: 'Mail Machine',
    account: 'zoe',
    secret,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    ...over,
  }) as const;

async function withOld(sites = [ORIGIN]) {
  const vault = new VaultService(memoryPorts().ports);
  await vault.create('correct horse battery');
  const services = { vault, askToUnlock: async () => undefined } as never;
  const old = await vault.mutate((data, now) => {
    const account = {
      ...parsed(key(1)),
      id: 'old',
      sites,
      backupCodes: [],
      createdAt: now,
      updatedAt: now,
      order: 0,
      pinned: false,
      fill: { submitOn: [], appendOn: [], exactOrigin: false },
    };
    return { data: { ...data, accounts: [account as never] }, result: 'old' };
  });
  return { vault, services, old };
}

const qr = (secret: Uint8Array, over = {}, flags: { captured?: boolean; batch?: boolean } = {}) =>
  remember({
    accounts: [parsed(secret, over)],
    tabId: 7,
    frameId: 0,
    documentId: 'doc',
    origin: ORIGIN,
    captured: flags.captured ?? false,
    batch: flags.batch ?? false,
    clicked: true as const,
  });

const snapshot = (vault: InstanceType<typeof VaultService>) =>
  vault.read((d) => ({
    active: d.accounts.map((a) => a.id),
    trash: d.trash.map((t) => t.account.id),
    here: matchAccounts(d.accounts, ORIGIN),
  }));

describe('enrolling again on the same site', () => {
  it('a new key for the account bound here asks first and adds nothing', async () => {
    const { vault } = await withOld();
    const token = qr(key(2));
    expect(await completeEnrollment(vault, lookup(token, { tabId: 7, frameId: 0 })!)).toEqual({
      kind: 'reenroll',
      issuer: 'Mail Machine',
      account: 'zoe',
    });
    expect(await snapshot(vault)).toEqual({ active: ['old'], trash: [], here: ['old'] });
  });

  it('names match as a user reads them (case, spaces)', async () => {
    const { vault } = await withOld();
    const token = qr(key(2), { issuer: ' mail machine', account: 'ZOE ' });
    expect((await completeEnrollment(vault, lookup(token, { tabId: 7, frameId: 0 })!)).kind).toBe('reenroll');
  });

  it.each([
    ['the same key (a duplicate)', () => qr(key(1)), ['https://mailmachine.test']],
    ['another account name', () => qr(key(2), { account: 'max' }), ['https://mailmachine.test']],
    ['another issuer', () => qr(key(2), { issuer: 'Other Mail' }), ['https://mailmachine.test']],
    ['the old one bound to another site', () => qr(key(2)), ['https://elsewhere.test']],
    ['a Google export', () => qr(key(2), {}, { batch: true }), ['https://mailmachine.test']],
    [
      'a captured QR (the popup decides its binding)',
      () => qr(key(2), {}, { captured: true, batch: false }),
      ['https://mailmachine.test'],
    ],
  ])('no question for %s', async (_name, make, sites) => {
    const { vault } = await withOld(sites);
    const outcome = await completeEnrollment(vault, lookup(make(), { tabId: 7, frameId: 0 })!, { bind: false });
    expect(outcome.kind).toBe('added');
  });

  it('replace: the new key takes the site, the old one goes to the trash; Undo brings it back', async () => {
    const { vault, services } = await withOld();
    const token = qr(key(2));
    const outcome = await enrollReenroll(services, token, 'replace', sender);
    expect(outcome).toMatchObject({ kind: 'added', count: 1, bound: true, code: expect.stringMatching(/^\d{6}$/) });
    const after = await snapshot(vault);
    expect(after.trash).toEqual(['old']);
    expect(after.active).toHaveLength(1);
    expect(after.here).toEqual(after.active);
    await enrollUndo(services, token, sender);
    expect(await snapshot(vault)).toMatchObject({ active: ['old'], here: ['old'] });
  });

  it("replace: the new key takes the old one's backup codes, fill options, pin and place too", async () => {
    const { vault, services } = await withOld();
    await vault.mutate((data) => ({
      data: {
        ...data,
        accounts: data.accounts.map((a) => ({
          ...a,
          backupCodes: [{ code: '1234-5678', used: false }],
          fill: { submitOn: [ORIGIN], appendOn: [ORIGIN], exactOrigin: true },
          pinned: true,
          order: 3,
        })),
      },
      result: null,
    }));
    await enrollReenroll(services, qr(key(2)), 'replace', sender);
    const [fresh] = await vault.read((d) => d.accounts);
    expect(fresh).toMatchObject({
      sites: [ORIGIN],
      backupCodes: [{ code: '1234-5678', used: false }],
      fill: { submitOn: [ORIGIN], appendOn: [ORIGIN], exactOrigin: true },
      pinned: true,
      order: 3,
    });
    expect(fresh!.id).not.toBe('old');
    // Control: keeping both gives the new key the site only.
    const other = await withOld();
    await other.vault.mutate((data) => ({
      data: {
        ...data,
        accounts: data.accounts.map((a) => ({ ...a, backupCodes: [{ code: '1234-5678', used: false }], pinned: true })),
      },
      result: null,
    }));
    await enrollReenroll(other.services, qr(key(4)), 'keep', sender);
    const added = (await other.vault.read((d) => d.accounts)).find((a) => a.id !== 'old')!;
    expect(added).toMatchObject({ sites: [ORIGIN], backupCodes: [], pinned: false });
  });

  it('an Undo that failed (the vault locked while the toast was up) can be tried again, and then undoes', async () => {
    const { vault, services } = await withOld();
    const token = qr(key(5));
    expect((await enrollReenroll(services, token, 'replace', sender)).kind).toBe('added');
    await vault.lock();
    await expect(enrollUndo(services, token, sender)).rejects.toMatchObject({ code: 'vault/locked' });
    await vault.unlock('correct horse battery');
    await enrollUndo(services, token, sender);
    expect(await snapshot(vault)).toMatchObject({ active: ['old'], here: ['old'] });
    expect((await snapshot(vault)).trash).toHaveLength(1);
    // A second Undo finds nothing left to move.
    await enrollUndo(services, token, sender);
    expect(await snapshot(vault)).toMatchObject({ active: ['old'], here: ['old'] });
  });

  it('keep both: both bound here (the site then asks which one), nothing in the trash; Undo removes only the new one', async () => {
    // The old account was bound by hand to a site its issuer does not name: the new key is bound too.
    const { vault, services } = await withOld(['https://mailmachine.test']);
    const token = qr(key(3), { issuer: 'MM', account: 'zoe' });
    await vault.mutate((data) => ({
      data: { ...data, accounts: data.accounts.map((a) => ({ ...a, issuer: 'MM' })) },
      result: null,
    }));
    expect((await completeEnrollment(vault, lookup(token, { tabId: 7, frameId: 0 })!)).kind).toBe('reenroll');
    expect((await enrollReenroll(services, token, 'keep', sender)).kind).toBe('added');
    const after = await snapshot(vault);
    expect(after.trash).toEqual([]);
    expect(after.here).toHaveLength(2);
    // The two read the same ("MM", "zoe"): the new one keeps the page it was added from, to tell them apart.
    const accounts = await vault.read((data) => data.accounts);
    expect(accounts.map((a) => [a.id === 'old' ? 'old' : 'new', a.addedOn])).toEqual([
      ['old', undefined],
      ['new', ORIGIN],
    ]);
    await enrollUndo(services, token, sender);
    expect(await snapshot(vault)).toMatchObject({ active: ['old'], here: ['old'] });
  });

  it('another frame, document or origin cannot answer for the QR', async () => {
    const { services, vault } = await withOld();
    const token = qr(key(2));
    for (const other of [
      { frameId: 1 },
      { documentId: 'doc-2' },
      { origin: 'https://evil.test', url: 'https://evil.test/' },
    ]) {
      await expect(enrollReenroll(services, token, 'replace', { ...sender, ...other })).rejects.toThrow(
        /Unknown or expired/,
      );
    }
    expect(await snapshot(vault)).toEqual({ active: ['old'], trash: [], here: ['old'] });
    // Control: the frame that found it can.
    expect((await enrollReenroll(services, token, 'replace', sender)).kind).toBe('added');
  });
});
