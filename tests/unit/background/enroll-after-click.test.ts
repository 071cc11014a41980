/**
 * After the click on a setup page's QR: "Keep both" on an account narrowed to its exact origin, QR
 * clicks confirmed while locked that would outlive their token, and the re-enroll question asked after
 * an unlock. Each with a control where the flow does act.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryPorts } from './memory-ports';
import { fakeBrowser } from '../../fake-browser';

fakeBrowser({ tabs: { sendMessage: async () => ({ ok: true, value: {} }) } });

const { VaultService } = await import('../../../src/background/vault/vault-service');
const { remember, lookup, forgetTab } = await import('../../../src/background/enroll/pending');
const { enrollReenroll } = await import('../../../src/background/handlers/enroll-reenroll');
const { enrollConfirm } = await import('../../../src/background/handlers/enroll-confirm');
const { finishEnrollmentsAfterUnlock } = await import('../../../src/background/enroll/after-unlock');
const { forgetConfirms } = await import('../../../src/background/enroll/confirm-limits');
const { matchAccounts } = await import('../../../src/core/site');
const { withSitesOf } = await import('../../../src/core/vault');

const ORIGIN = 'https://mailmachine.test';
const USER_CONTENT = 'https://user1.mailmachine.test';
const sender = { origin: ORIGIN, url: `${ORIGIN}/setup`, tab: { id: 7 }, frameId: 0, documentId: 'doc' };
// Each test is a fresh page: the per-page bound on confirmations (confirm-limits.ts) starts afresh.
beforeEach(() => forgetConfirms(7));
const key = (byte: number) => new Uint8Array(20).fill(byte);
const parsed = (secret: Uint8Array, account = 'zoe') =>
  ({
    type: 'totp',
    issuer: 'Mail Machine',
    account,
    secret,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  }) as const;

async function vaultWithOld(exactOrigin: boolean) {
  const vault = new VaultService(memoryPorts().ports);
  await vault.create('correct horse battery');
  const services = { vault, askToUnlock: async () => undefined } as never;
  await vault.mutate((data, now) => {
    const account = {
      ...parsed(key(1)),
      id: 'old',
      sites: [ORIGIN],
      backupCodes: [],
      createdAt: now,
      updatedAt: now,
      order: 0,
      pinned: false,
      fill: { submitOn: [], appendOn: [], exactOrigin },
    };
    return { data: { ...data, accounts: [account as never] }, result: null };
  });
  return { vault, services };
}
const qr = (secret: Uint8Array, tabId = 7, now = Date.now(), account = 'zoe') =>
  remember(
    {
      accounts: [parsed(secret, account)],
      tabId,
      frameId: 0,
      documentId: 'doc',
      origin: ORIGIN,
      captured: false,
      batch: false,
      clicked: true as const,
    },
    now,
  );

describe('"Keep both" on an account narrowed to its exact origin', () => {
  it('the new key is narrowed too: a user-content subdomain does not match it', async () => {
    const { vault, services } = await vaultWithOld(true);
    expect(await vault.read((d) => matchAccounts(d.accounts, USER_CONTENT))).toEqual([]);
    expect((await enrollReenroll(services, qr(key(2)), 'keep', sender)).kind).toBe('added');
    expect(await vault.read((d) => matchAccounts(d.accounts, USER_CONTENT))).toEqual([]);
    expect(await vault.read((d) => matchAccounts(d.accounts, ORIGIN))).toHaveLength(2);
  });

  it('control: not narrowed, both keys match the whole site', async () => {
    const { vault, services } = await vaultWithOld(false);
    expect((await enrollReenroll(services, qr(key(2)), 'keep', sender)).kind).toBe('added');
    expect(await vault.read((d) => matchAccounts(d.accounts, USER_CONTENT))).toHaveLength(2);
  });

  it('an import that keeps both (withSitesOf) carries the narrowing and the per-origin options over', async () => {
    const { vault } = await vaultWithOld(true);
    const old = await vault.read((d) => d.accounts[0]!);
    const kept = withSitesOf({ ...old, fill: { ...old.fill, submitOn: [ORIGIN] } }, parsed(key(3)));
    expect(kept.fill).toEqual({ submitOn: [ORIGIN], appendOn: [], exactOrigin: true });
    expect(kept.sites).toEqual([ORIGIN]);
  });
});

describe('a QR clicked while locked', () => {
  it('is not added at an unlock after its token ran out (the user left long ago)', async () => {
    const { vault } = await vaultWithOld(false);
    const token = qr(key(9), 8, Date.now() - 41 * 60_000, 'other'); // read 41 minutes ago
    lookup(token, { tabId: 8, frameId: 0 }, Date.now() - 40 * 60_000)!.confirmed = true; // clicked then
    forgetTab(8); // the tab closed; a confirmed click is kept for the unlock
    await finishEnrollmentsAfterUnlock(vault);
    expect(await vault.read((d) => d.accounts.map((a) => a.account))).toEqual(['zoe']);
  });

  it('control: clicked while locked (25 minutes after the read), unlocked a few minutes later: added', async () => {
    const { vault, services } = await vaultWithOld(false);
    await vault.lock();
    const token = qr(key(8), 7, Date.now() - 25 * 60_000, 'late');
    expect(await enrollConfirm(services, token, sender)).toEqual({ kind: 'locked' });
    await vault.unlock('correct horse battery');
    await finishEnrollmentsAfterUnlock(vault);
    expect(await vault.read((d) => d.accounts.map((a) => a.account))).toEqual(['zoe', 'late']);
  });

  it('the "Replace the old one?" question it raises after the unlock is asked once, not at every later unlock', async () => {
    const { vault } = await vaultWithOld(false);
    const token = qr(key(3), 9);
    lookup(token, { tabId: 9, frameId: 0 })!.confirmed = true;
    await finishEnrollmentsAfterUnlock(vault);
    expect(lookup(token, { tabId: 9, frameId: 0 })!.confirmed).toBe(false);
  });
});

describe('a site with an account narrowed to its exact origin', () => {
  const userSender = { ...sender, origin: USER_CONTENT, url: `${USER_CONTENT}/setup` };
  const fromUser = (secret: Uint8Array, account: string) =>
    remember({
      accounts: [parsed(secret, account)],
      tabId: 7,
      frameId: 0,
      documentId: 'doc',
      origin: USER_CONTENT,
      captured: false,
      batch: false,
      clicked: true as const,
    });

  it("a QR on a user-content subdomain naming the site is narrowed to that subdomain: the narrowed origin's login still has one account", async () => {
    const { vault, services } = await vaultWithOld(true);
    expect((await enrollConfirm(services, fromUser(key(5), 'mallory'), userSender)).kind).toBe('added');
    expect(await vault.read((d) => matchAccounts(d.accounts, ORIGIN))).toEqual(['old']);
    expect(await vault.read((d) => matchAccounts(d.accounts, USER_CONTENT))).toHaveLength(1);
  });

  it('control: where no account of the site is narrowed, the new key matches the whole site', async () => {
    const { vault, services } = await vaultWithOld(false);
    expect((await enrollConfirm(services, fromUser(key(5), 'mallory'), userSender)).kind).toBe('added');
    expect(await vault.read((d) => matchAccounts(d.accounts, ORIGIN))).toHaveLength(2);
  });
});

describe('a QR clicked before there is a vault', () => {
  it('is added once the vault is created (the click opened the first-run popup); control: without the click, nothing is', async () => {
    const { appHandlers } = await import('../../../src/background/messages/app');
    for (const clicked of [true, false]) {
      const vault = new VaultService(memoryPorts().ports);
      const services = { vault, askToUnlock: async () => undefined } as never;
      const token = qr(key(clicked ? 6 : 7), 7, Date.now(), clicked ? 'first' : 'unclicked');
      if (clicked) expect(await enrollConfirm(services, token, sender)).toEqual({ kind: 'locked', setup: true });
      const handlers = appHandlers(services);
      await handlers['vault/create']({ type: 'vault/create', password: 'correct horse battery' } as never, {} as never);
      await new Promise((done) => setTimeout(done, 50));
      expect(await vault.read((d) => d.accounts.map((a) => a.account))).toEqual(clicked ? ['first'] : []);
    }
  });
});
