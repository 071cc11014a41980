/**
 * Where an enrolled key is bound (enroll/binding.ts, complete.ts) and the popup's capture confirmation
 * (enroll/capture-ask.ts, enroll/confirm for a captured QR): exports and keys whose issuer does not
 * name the page's site are added bound to no site; a captured key is never added by a page click.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryPorts } from './memory-ports';

import { fakeBrowser } from '../../fake-browser';

// The page is told of each enrollment (sendToFrame); its answer does not matter here.
fakeBrowser({ tabs: { sendMessage: async () => ({ ok: true, value: {} }) } });

const { VaultService } = await import('../../../src/background/vault/vault-service');
const { sitesFor, codeForPage } = await import('../../../src/background/enroll/binding');
const { completeEnrollment } = await import('../../../src/background/enroll/complete');
const { remember, lookup } = await import('../../../src/background/enroll/pending');
const { askAboutCapture, captureAccept, capturePending, captureReject } =
  await import('../../../src/background/enroll/capture-ask');
const { enrollConfirm } = await import('../../../src/background/handlers/enroll-confirm');
const { forgetConfirms } = await import('../../../src/background/enroll/confirm-limits');
const { decodeBase32 } = await import('../../../src/core/bytes/base32');
const { addAccount } = await import('../../../src/core/vault');
const { lookalikeFor } = await import('../../../src/background/fill/lookalike-for');

type Parsed = Parameters<typeof sitesFor>[1] & Record<string, unknown>;
const ORIGIN = 'https://mailmachine.test';
const secret = (n: number) => decodeBase32('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP').map((b, i) => (i === 0 ? b ^ n : b));
const account = (issuer: string, n = 1) =>
  ({
    type: 'totp',
    issuer,
    account: `user${n}`,
    secret: secret(n),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  }) as const;

async function unlocked() {
  const vault = new VaultService(memoryPorts().ports);
  await vault.create('correct horse battery');
  return vault;
}

function pendingEntry(
  accounts: ReturnType<typeof account>[],
  flags: { captured?: boolean; batch?: boolean; origin?: string; frameId?: number } = {},
) {
  const frameId = flags.frameId ?? 0;
  const token = remember({
    accounts: [...accounts],
    tabId: 7,
    frameId,
    documentId: 'doc',
    origin: flags.origin ?? ORIGIN,
    captured: flags.captured ?? false,
    batch: flags.batch ?? false,
  });
  return { token, entry: lookup(token, { tabId: 7, frameId })! };
}

const sitesOf = async (vault: InstanceType<typeof VaultService>) =>
  vault.read((d) => d.accounts.map((a) => [a.issuer, a.sites] as const));

describe('sitesFor / codeForPage (pure)', () => {
  const page = { origin: ORIGIN, captured: false, batch: false };
  it.each([
    ['issuer names the site', page, 'Mail Machine', false, [ORIGIN], true],
    ['issuer names another site', page, 'Victim Bank', false, [], true],
    ['export, even when the issuer matches', { ...page, batch: true }, 'Mail Machine', true, [], false],
    ['captured, no tick', { ...page, captured: true }, 'Mail Machine', false, [], false],
    ['captured, ticked', { ...page, captured: true }, 'Victim Bank', true, [ORIGIN], true],
  ])('%s', (_name, entry, issuer, userBinds, sites, code) => {
    expect(sitesFor(entry, { issuer } as Parsed, userBinds)).toEqual(sites);
    expect(codeForPage(entry, userBinds)).toBe(code);
  });
});

describe('completeEnrollment', () => {
  it('binds a key whose issuer names the page, with a code for the confirmation field', async () => {
    const vault = await unlocked();
    const { entry } = pendingEntry([account('Mail Machine')]);
    const outcome = await completeEnrollment(vault, entry);
    expect(outcome).toMatchObject({ kind: 'added', count: 1, bound: true, code: expect.stringMatching(/^\d{6}$/) });
    expect(await sitesOf(vault)).toEqual([['Mail Machine', [ORIGIN]]]);
  });

  it('adds a key of another issuer unbound; the page that showed it still gets the code', async () => {
    const vault = await unlocked();
    const { entry } = pendingEntry([account('Victim Bank')]);
    const outcome = await completeEnrollment(vault, entry);
    expect(outcome).toMatchObject({ kind: 'added', count: 1, bound: false, code: expect.stringMatching(/^\d{6}$/) });
    expect(await sitesOf(vault)).toEqual([['Victim Bank', []]]);
  });

  it("a page whose site looks like one of the user's accounts' sites does not bind its QR by issuer: the warning stays", async () => {
    const vault = await unlocked();
    // The real Google account, imported (bound to no site): gogle.com is one letter off its brand.
    await vault.mutate((data, now) => ({ data: addAccount(data, account('Google', 1), { now }).vault, result: null }));
    const phish = 'https://gogle.com';
    expect(await vault.read((d) => lookalikeFor(d, phish))).not.toBeNull();
    // The phishing page's QR: an issuer that spells its site ("Go" + Cyrillic o + "gle" reads "Google").
    const { entry } = pendingEntry([account('Go\u043Egle', 2)], { origin: phish });
    expect(await completeEnrollment(vault, entry)).toMatchObject({ kind: 'added', count: 1, bound: false });
    expect(await sitesOf(vault)).toEqual([
      ['Google', []],
      ['Go\u043Egle', []],
    ]);
    expect(await vault.read((d) => lookalikeFor(d, phish))).not.toBeNull();
    // Control: the same page's QR binds where no account's site looks like it.
    const fresh = await unlocked();
    const again = pendingEntry([account('Go\u043Egle', 2)], { origin: phish });
    expect(await completeEnrollment(fresh, again.entry)).toMatchObject({ kind: 'added', bound: true });
  });

  it('adds every account of an export unbound, and sends no code', async () => {
    const vault = await unlocked();
    const { entry } = pendingEntry([account('Mail Machine', 1), account('Bank', 2), account('Forge', 3)], {
      batch: true,
    });
    const outcome = await completeEnrollment(vault, entry);
    expect(outcome).toMatchObject({ kind: 'added', count: 3, bound: false, code: '' });
    expect((await sitesOf(vault)).map(([, s]) => s)).toEqual([[], [], []]);
  });
});

describe('a captured QR: the popup asks first', () => {
  let vault: InstanceType<typeof VaultService>;
  const askToUnlock = vi.fn(async () => undefined);
  const services = () => ({ vault, askToUnlock }) as unknown as Parameters<typeof enrollConfirm>[0];
  const sender = { tab: { id: 7 }, frameId: 0, documentId: 'doc', url: `${ORIGIN}/setup`, origin: ORIGIN };
  beforeEach(async () => {
    vault = await unlocked();
    askToUnlock.mockClear();
    forgetConfirms(7); // each test is a fresh page (confirm-limits.ts)
  });

  it('a page click adds nothing and opens the popup, which names the page', async () => {
    const { token } = pendingEntry([account('Mail Machine')], { captured: true });
    expect(await enrollConfirm(services(), token, sender)).toEqual({ kind: 'asked' });
    expect(askToUnlock).toHaveBeenCalledOnce();
    expect(await sitesOf(vault)).toEqual([]);
    expect(await capturePending(vault)).toEqual({
      token,
      host: 'mailmachine.test',
      site: 'mailmachine.test',
      issuer: 'Mail Machine',
      account: 'user1',
      count: 1,
      batch: false,
      captured: true,
      framedBy: null,
      replaces: null,
    });
  });

  it('accepted without the tick: unbound, the page is told but gets no code', async () => {
    const { token } = pendingEntry([account('Mail Machine')], { captured: true });
    await enrollConfirm(services(), token, sender);
    const told: unknown[] = [];
    const result = await captureAccept(vault, token, { bind: false }, async (_e, outcome) => told.push(outcome));
    expect(result).toEqual({ count: 1, duplicates: 0, bound: false });
    expect(await sitesOf(vault)).toEqual([['Mail Machine', []]]);
    // Told it was added, but not what: the screenshot's pixels may have been another site's QR.
    expect(told).toEqual([expect.objectContaining({ kind: 'added', code: '', bound: false, issuer: '', account: '' })]);
    // Used up: a second accept fails, and nothing waits any more.
    await expect(captureAccept(vault, token, { bind: true }, async () => undefined)).rejects.toMatchObject({
      code: 'protocol/bad-request',
    });
    expect(await capturePending(vault)).toBeNull();
  });

  it("accepted, the page's backup codes are not added to it (those pixels may have been another site's QR)", async () => {
    const { token } = pendingEntry([account('Mail Machine')], { captured: true });
    await enrollConfirm(services(), token, sender);
    await captureAccept(vault, token, { bind: true }, async () => undefined);
    const { enrollBackupCodes } = await import('../../../src/background/handlers/enroll-backup-codes');
    await expect(enrollBackupCodes(services(), token, ['1111 2222'], sender)).rejects.toMatchObject({
      code: 'protocol/bad-request',
    });
    expect((await vault.read((d) => d.accounts))[0]!.backupCodes).toEqual([]);
    // Control: a QR the page showed itself takes them.
    const plain = pendingEntry([account('Mail Machine', 2)]);
    await completeEnrollment(vault, plain.entry);
    expect(await enrollBackupCodes(services(), plain.token, ['1111 2222'], sender)).toEqual({ saved: 1 });
    // A page saving again and again fills the list up to the limit the popup can hold, no further.
    const batch = (n: number) => Array.from({ length: 30 }, (_, i) => `b${n}-${i}`);
    for (const n of [1, 2, 3]) await enrollBackupCodes(services(), plain.token, batch(n), sender);
    expect(await enrollBackupCodes(services(), plain.token, batch(4), sender)).toEqual({ saved: 9 });
    expect(await enrollBackupCodes(services(), plain.token, batch(5), sender)).toEqual({ saved: 0 });
    const stored = await vault.read((d) => d.accounts.find((a) => a.account === 'user2')!.backupCodes.length);
    expect(stored).toBe(100);
  });

  it('accepted with the tick: bound to the page, whose field gets the code', async () => {
    const { token } = pendingEntry([account('Victim Bank')], { captured: true });
    await enrollConfirm(services(), token, sender);
    const told: unknown[] = [];
    expect(await captureAccept(vault, token, { bind: true }, async (_e, outcome) => told.push(outcome))).toMatchObject({
      bound: true,
    });
    expect(await sitesOf(vault)).toEqual([['Victim Bank', [ORIGIN]]]);
    expect(told).toEqual([expect.objectContaining({ code: expect.stringMatching(/^\d{6}$/) })]);
  });

  it('only the QR the popup shows can be accepted; a later click replaces it; reject forgets it', async () => {
    const first = pendingEntry([account('One', 1)], { captured: true }).token;
    const second = pendingEntry([account('Two', 2)], { captured: true }).token;
    askAboutCapture(first);
    askAboutCapture(second);
    await expect(captureAccept(vault, first, { bind: false }, async () => undefined)).rejects.toMatchObject({
      code: 'protocol/bad-request',
    });
    captureReject(second);
    expect(await capturePending(vault)).toBeNull();
    await expect(captureAccept(vault, second, { bind: false }, async () => undefined)).rejects.toMatchObject({
      code: 'protocol/bad-request',
    });
    expect(await sitesOf(vault)).toEqual([]);
  });

  it('a QR the page could read is not asked about (the click adds it at once)', async () => {
    const { token } = pendingEntry([account('Mail Machine')]);
    askAboutCapture(token);
    expect(await capturePending(vault)).toBeNull();
    expect(await enrollConfirm(services(), token, sender)).toMatchObject({ kind: 'added', bound: true });
  });
});

describe('a QR in a frame another site embeds: the popup asks first, naming that site', () => {
  let vault: InstanceType<typeof VaultService>;
  const askToUnlock = vi.fn(async () => undefined);
  const services = () => ({ vault, askToUnlock }) as unknown as Parameters<typeof enrollConfirm>[0];
  /** Frame 3 of tab 7, showing mailmachine.test's setup page, right in the tab's page `top`. */
  const inFrame = (top: string) => ({
    sender: { tab: { id: 7, url: top }, frameId: 3, documentId: 'doc', url: `${ORIGIN}/setup`, origin: ORIGIN },
    frames: async (_tab: number, frameId: number) => (frameId === 3 ? [top] : null),
  });
  beforeEach(async () => {
    vault = await unlocked();
    askToUnlock.mockClear();
    forgetConfirms(7);
  });

  it('evil.test frames the setup page (it may hide it under a decoy): the click adds nothing; the popup names evil.test', async () => {
    const { token } = pendingEntry([account('Mail Machine')], { frameId: 3 });
    const { sender, frames } = inFrame('https://evil.test:8443/prize');
    expect(await enrollConfirm(services(), token, sender, Date.now(), frames)).toEqual({ kind: 'asked' });
    expect(askToUnlock).toHaveBeenCalledOnce();
    expect(await sitesOf(vault)).toEqual([]);
    expect(await capturePending(vault)).toMatchObject({
      token,
      site: 'mailmachine.test',
      captured: false,
      framedBy: 'evil.test:8443',
    });
    // Accepted in the popup: bound as the click on the page would have bound it, and the page gets its code.
    const told: unknown[] = [];
    expect(await captureAccept(vault, token, { bind: false }, async (_e, outcome) => told.push(outcome))).toMatchObject(
      {
        bound: true,
      },
    );
    expect(await sitesOf(vault)).toEqual([['Mail Machine', [ORIGIN]]]);
    expect(told).toEqual([expect.objectContaining({ code: expect.stringMatching(/^\d{6}$/) })]);
  });

  it('locked: the click is not kept for after the unlock; the popup asks', async () => {
    await vault.lock();
    const { token } = pendingEntry([account('Mail Machine')], { frameId: 3 });
    const { sender, frames } = inFrame('https://evil.test/');
    expect(await enrollConfirm(services(), token, sender, Date.now(), frames)).toEqual({ kind: 'asked' });
    expect(lookup(token, { tabId: 7, frameId: 3 })?.confirmed).toBe(false);
  });

  it('a new key for the account bound to the site (re-enrollment), accepted in the popup without an answer: added beside the old one, which stays', async () => {
    // The page's own overlay asks "Replace the old one?" after a click on the page; a framed QR is asked
    // about in the popup, and accepting it there must add the key, not fail ("Not added") every time.
    await vault.mutate((data, now) => ({
      data: addAccount(data, { ...account('Mail Machine', 1), sites: [ORIGIN] }, { now }).vault,
      result: null,
    }));
    const { token } = pendingEntry([{ ...account('Mail Machine', 1), secret: secret(9) }], { frameId: 3 });
    const { sender, frames } = inFrame('https://evil.test/');
    expect(await enrollConfirm(services(), token, sender, Date.now(), frames)).toEqual({ kind: 'asked' });
    const told: unknown[] = [];
    expect(await captureAccept(vault, token, { bind: false }, async (_e, outcome) => told.push(outcome))).toMatchObject(
      {
        count: 1,
        bound: true,
      },
    );
    expect(await sitesOf(vault)).toEqual([
      ['Mail Machine', [ORIGIN]],
      ['Mail Machine', [ORIGIN]],
    ]);
    expect(told).toEqual([expect.objectContaining({ kind: 'added' })]);
  });

  it('a new key for the account bound to the site: the popup names the old one and asks; "Replace" trashes it, and the page is told', async () => {
    await vault.mutate((data, now) => ({
      data: addAccount(data, { ...account('Mail Machine', 1), sites: [ORIGIN] }, { now }).vault,
      result: null,
    }));
    const oldId = await vault.read((d) => d.accounts[0]!.id);
    const { token } = pendingEntry([{ ...account('Mail Machine', 1), secret: secret(9) }], { frameId: 3 });
    const { sender, frames } = inFrame('https://evil.test/');
    expect(await enrollConfirm(services(), token, sender, Date.now(), frames)).toEqual({ kind: 'asked' });
    expect(await capturePending(vault)).toMatchObject({
      token,
      replaces: { issuer: 'Mail Machine', account: 'user1' },
    });
    const told: unknown[] = [];
    expect(
      await captureAccept(vault, token, { bind: false, reenroll: 'replace' }, async (_e, outcome) =>
        told.push(outcome),
      ),
    ).toMatchObject({ count: 1, bound: true });
    expect(await sitesOf(vault)).toEqual([['Mail Machine', [ORIGIN]]]);
    expect(await vault.read((d) => d.accounts.map((a) => a.id))).not.toContain(oldId);
    expect(await vault.read((d) => d.trash.map((t) => t.account.id))).toEqual([oldId]);
    expect(told).toEqual([expect.objectContaining({ kind: 'added', reenrolled: 'replace' })]);
  });

  it('"Replace" is asked only about a framed QR: a captured key (bound only if ticked) never replaces anything', async () => {
    await vault.mutate((data, now) => ({
      data: addAccount(data, { ...account('Mail Machine', 1), sites: [ORIGIN] }, { now }).vault,
      result: null,
    }));
    const { token } = pendingEntry([{ ...account('Mail Machine', 1), secret: secret(9) }], { captured: true });
    const top = { tab: { id: 7 }, frameId: 0, documentId: 'doc', url: `${ORIGIN}/setup`, origin: ORIGIN };
    expect(await enrollConfirm(services(), token, top)).toEqual({ kind: 'asked' });
    expect(await capturePending(vault)).toMatchObject({ token, replaces: null });
    // A message that says "replace" anyway (the popup never sends it here) adds it beside, unbound.
    await captureAccept(vault, token, { bind: false, reenroll: 'replace' }, async () => undefined);
    expect(await sitesOf(vault)).toEqual([
      ['Mail Machine', [ORIGIN]],
      ['Mail Machine', []],
    ]);
  });

  it('a framed QR of an account not in the vault: no question about replacing (control)', async () => {
    const { token } = pendingEntry([account('Mail Machine')], { frameId: 3 });
    const { sender, frames } = inFrame('https://evil.test/');
    expect(await enrollConfirm(services(), token, sender, Date.now(), frames)).toEqual({ kind: 'asked' });
    expect(await capturePending(vault)).toMatchObject({ token, framedBy: 'evil.test', replaces: null });
  });

  it('control: a frame of the same site (help.mailmachine.test) adds at once', async () => {
    const { token } = pendingEntry([account('Mail Machine')], { frameId: 3 });
    const { sender, frames } = inFrame('https://help.mailmachine.test/');
    expect(await enrollConfirm(services(), token, sender, Date.now(), frames)).toMatchObject({
      kind: 'added',
      bound: true,
    });
    expect(askToUnlock).not.toHaveBeenCalled();
  });
});
