import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, stopServiceWorker, type LoadedExtension } from './harness';
import type { FixtureServer } from './server';
import { closeBed, openPage, servePages } from './setup';
import { evaluateInContentScript } from './content-world';
import { encodeMigration, parseOtpauthUri } from '../../src/core/otpauth-uri';
import { codeAt } from '../../src/core/otp';
import { encodeBase32 } from '../../src/core/bytes/base32';
import { decodeBase64 } from '../../src/core/bytes/base64';
import { openWithKey, unlockEnvelope } from '../../src/core/crypto';
import { deserializeVault } from '../../src/core/vault';

const PASSWORD = 'correct horse battery staple';
const EXTENSION_NAME = 'ClickAuth Authenticator';
const ACCOUNTS = [
  'otpauth://totp/Mailmachine:alice@mailmachine.test?secret=JBSWY3DPEHPK3PXP&issuer=Mailmachine',
  'otpauth://totp/Forgejo:bob-the-builder?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=Forgejo&digits=8&algorithm=SHA256',
];
/** Two accounts added in one bulk change and then restored away: afterwards they live only in restore points. */
const ONLY_IN_POINTS = [
  'otpauth://totp/Pointkeeper:carol@pointkeeper.test?secret=KRUGKIDROVUWG2ZAMJZG653OEBTG66BA&issuer=Pointkeeper',
  'otpauth://totp/Snapshotter:dave-snapshot?secret=ONSWG4TFORZWK3DFMNZGK5DTMVRXEZLU&issuer=Snapshotter',
];

let server: FixtureServer;
let ext: LoadedExtension;
let profile: string;

beforeAll(async () => {
  server = await servePages();
  ext = await launchWithExtension();
  profile = ext.profileDir;
});

afterAll(() => closeBed(ext, server));

const popupUrl = () => `chrome-extension://${ext.extensionId}/src/popup/index.html`;
const optionsUrl = () => `chrome-extension://${ext.extensionId}/src/options/index.html`;

const openPopup = () => openPage(ext, popupUrl());

/** The code shown must be the real one now (or the one just before, if a period rolled over meanwhile). */
function expectCurrentCode(shown: string | null, uri: string) {
  const account = parseOtpauthUri(uri);
  const now = Date.now();
  const candidates = [codeAt(account, now), codeAt(account, now - 3000)];
  expect(candidates).toContain((shown ?? '').replace(/\s/g, ''));
}

describe('the encrypted vault in real Chromium', () => {
  it('first run creates the vault; added accounts show live codes', async () => {
    const page = await openPopup();
    await page.getByLabel('Master password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Repeat the password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create vault' }).click();
    // Creating the vault calibrates PBKDF2 (~0.5 s) and derives the key once: wait for the unlocked view.
    await expect
      .poll(() => page.getByRole('button', { name: 'Lock', exact: true }).isVisible(), {
        timeout: 20_000,
        message: 'popup never showed the unlocked view',
      })
      .toBe(true);
    for (const uri of ACCOUNTS) {
      await page.getByRole('button', { name: 'Add account' }).click();
      await page.getByLabel('Add an account from a setup link').fill(uri);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await expect.poll(() => page.locator('.toast').textContent()).toContain('Added 1 account');
    }
    await expect.poll(() => page.getByTestId('account').count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => page.getByTestId('code').first().textContent()).toMatch(/^\d{3} \d{3}$/);
    expectCurrentCode(await page.getByTestId('code').first().textContent(), ACCOUNTS[0]!);
    expectCurrentCode(await page.getByTestId('code').nth(1).textContent(), ACCOUNTS[1]!);
    await page.close();
  });

  it('a bad URI gets a clear message and adds nothing', async () => {
    const page = await openPopup();
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByLabel('Add an account from a setup link').fill('https://example.com/not-a-key');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect
      .poll(() => page.locator('.add [role=alert]').textContent())
      .toContain('not an authenticator setup link');
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await page.getByTestId('account').count()).toBe(2);
    await page.close();
  });

  it('a service worker killed mid-session comes back unlocked, nothing lost', async () => {
    const page = await openPopup();
    await stopServiceWorker(ext, page);
    await page.reload();
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('Mailmachine');
    expect(await page.getByTestId('account').count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Lock', exact: true }).isVisible()).toBe(true);
    await page.close();
  });

  it('content scripts are refused the account list, codes, settings and vault control', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/basic.html', 'evil.test'));
    const replies = await evaluateInContentScript<{ ok: boolean; error?: { code: string } }[]>(
      page,
      `Promise.all([
        {type: 'accounts/list'}, {type: 'codes/get', ids: []}, {type: 'settings/get'},
        {type: 'vault/lock'}, {type: 'vault/status'}, {type: 'accounts/add-uri', uri: ${JSON.stringify(ACCOUNTS[0])}},
        {type: 'accounts/export-uri', id: 'x', password: 'y'}, {type: 'export/file', kind: 'otpauth-list', masterPassword: 'y'},
        {type: 'popup/open'},
      ].map((m) => chrome.runtime.sendMessage(m)))`,
      EXTENSION_NAME,
    );
    expect(replies).toHaveLength(9);
    for (const reply of replies)
      expect(reply).toEqual({ ok: false, error: { code: 'protocol/forbidden', message: expect.any(String) } });
    await page.close();
  });

  it('content scripts read no extension storage: not storage.session (the session key), not storage.local (the sealed vault)', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/basic.html', 'evil.test'));
    const seen = await evaluateInContentScript<{ session: string; local: string }>(
      page,
      `(async () => {
        const read = async (area) => {
          try {
            return 'read: ' + Object.keys(await area.get(null)).join();
          } catch (e) {
            return 'refused: ' + e.message;
          }
        };
        return { session: await read(chrome.storage.session), local: await read(chrome.storage.local) };
      })()`,
      EXTENSION_NAME,
    );
    await page.close();
    expect(seen.session).toMatch(/^refused/);
    // A page that takes over its renderer gets no copy of the encrypted vault to attack offline.
    expect(seen.local).toMatch(/^refused/);
    // Control: an extension page reads it.
    const popup = await openPopup();
    const keys = await popup.evaluate(async () => Object.keys(await chrome.storage.local.get(null)));
    await popup.close();
    expect(keys).toContain('vault.current');
  });

  it('100 concurrent adds from popup, options page and content script give exactly 100 accounts', async () => {
    const popup = await openPopup();
    const options = await ext.context.newPage();
    await options.goto(optionsUrl());
    const site = await ext.context.newPage();
    // The host spells the issuer "Load", so keys enrolled there are bound to it (src/core/site/issuer.ts).
    await site.goto(server.url('/basic.html', 'load.test'));
    const uri = (n: number) => {
      const secret = new Uint8Array(20).map((_, i) => (n * 7 + i * 13) % 256);
      return `otpauth://totp/Load:user${n}?secret=${encodeBase32(secret)}&issuer=Load`;
    };
    const batch = (from: number, to: number) => {
      const uris = JSON.stringify(Array.from({ length: to - from }, (_, i) => uri(from + i)));
      return `Promise.all(${uris}.map((uri) => chrome.runtime.sendMessage({ type: 'accounts/add-uri', uri })))`;
    };
    const [a, b, c] = await Promise.all([
      popup.evaluate(batch(0, 49)) as Promise<{ ok: boolean }[]>,
      options.evaluate(batch(49, 97)) as Promise<{ ok: boolean }[]>,
      // The content script's only way to add: a QR candidate (here a URI in plain sight) and the click's
      // confirm, at most 3 per page (background/enroll/confirm-limits.ts).
      evaluateInContentScript<{ ok: boolean }[]>(
        site,
        `Promise.all(${JSON.stringify(Array.from({ length: 3 }, (_, i) => uri(97 + i)))}.map(async (uri) => {
          const found = await chrome.runtime.sendMessage({ type: 'enroll/candidate', source: { kind: 'uri', uri } });
          return chrome.runtime.sendMessage({ type: 'enroll/confirm', token: found.value.candidate.token });
        }))`,
        EXTENSION_NAME,
      ),
    ]);
    expect([...a, ...b, ...c].filter((r) => r.ok)).toHaveLength(100);
    const listed = (await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'accounts/list' }))) as {
      value: { accounts: { sites: string[] }[] };
    };
    expect(listed.value.accounts).toHaveLength(102);
    const fromSite = listed.value.accounts.filter((v) => v.sites.length > 0);
    expect(fromSite).toHaveLength(3);
    expect(new Set(fromSite.flatMap((v) => v.sites))).toEqual(
      new Set([new URL(server.url('/')).origin.replace('site-a', 'load')]),
    );
    await Promise.all([popup.close(), options.close(), site.close()]);
  });

  it('stores nothing readable: no secret, issuer, label or site in any storage area or on disk', async () => {
    const page = await openPopup();
    // Restore points first: a bulk add (a migration link, two accounts) keeps one, restoring it keeps
    // another, and the two accounts are left only inside restore points (and the previous generation).
    const send = (message: object) =>
      page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<{ ok: boolean; value?: unknown }>;
    const migration = encodeMigration({
      accounts: ONLY_IN_POINTS.map((u) => parseOtpauthUri(u)),
      version: 1,
      batchSize: 1,
      batchIndex: 0,
      batchId: 7,
    });
    expect((await send({ type: 'accounts/add-uri', uri: migration })).ok).toBe(true);
    const points = (await send({ type: 'restore-points/list' })) as {
      value: { id: string; reason: string; count: number }[];
    };
    expect(points.value[0]).toMatchObject({ reason: 'bulk-add', count: 102 });
    expect(await send({ type: 'restore-points/restore', id: points.value[0]!.id })).toEqual({
      ok: true,
      value: { count: 102 },
    });
    const after = (await send({ type: 'restore-points/list' })) as { value: { reason: string; count: number }[] };
    expect(after.value.slice(0, 2)).toMatchObject([
      { reason: 'restore', count: 104 },
      { reason: 'bulk-add', count: 102 },
    ]);
    const dump = await page.evaluate(async () => {
      const dbs = await indexedDB.databases();
      return JSON.stringify({
        local: await chrome.storage.local.get(null),
        sync: await chrome.storage.sync.get(null),
        idb: dbs.map((d) => d.name),
      });
    });
    await page.close();
    // On disk: every file of the profile that belongs to the extension (its LevelDB stores, IndexedDB…).
    const onDisk = readTree(profile, ext.extensionId);
    expect(onDisk.length).toBeGreaterThan(0);
    const needles: string[] = [];
    for (const uri of [...ACCOUNTS, ...ONLY_IN_POINTS]) {
      const a = parseOtpauthUri(uri);
      const hex = Buffer.from(a.secret).toString('hex');
      const b64 = Buffer.from(a.secret).toString('base64');
      needles.push(a.issuer, a.account, encodeBase32(a.secret), hex, hex.toUpperCase(), b64, b64.replace(/=+$/, ''));
    }
    // Needles of 6+ characters: the sealed blob is base64 written ~200 times into LevelDB's log, so a
    // 4-letter word like the issuer "Load" turns up in it by chance (~30 %), not because it leaked.
    needles.push('bank.test', 'Load:user42', 'user42');
    for (const needle of needles) {
      expect(dump, `storage contains ${needle}`).not.toContain(needle);
      expect(onDisk.includes(Buffer.from(needle)), `profile on disk contains ${needle}`).toBe(false);
    }
    expect(dump).toContain('vault.current');
    expect(dump).toContain('vault.restorePoints');
  });

  it('an export records only its time in the clear: no account count in storage.local', async () => {
    const page = await openPopup();
    const reply = (await page.evaluate((m) => chrome.runtime.sendMessage(m), {
      type: 'export/file',
      kind: 'otpauth-list',
      masterPassword: PASSWORD,
    })) as { ok: boolean; value: { count: number } };
    expect(reply.ok).toBe(true);
    expect(reply.value.count).toBe(102);
    const local = (await page.evaluate(() => chrome.storage.local.get(null))) as Record<string, unknown>;
    await page.close();
    expect(Object.keys(local.lastBackup as object)).toEqual(['at']);
    const plain = Object.fromEntries(Object.entries(local).filter(([key]) => !key.startsWith('vault.')));
    expect(JSON.stringify(plain), 'plaintext storage.local items').not.toMatch(/count/i);
  });

  it('after a browser restart: locked, no codes; wrong password refused; right password shows the same accounts', async () => {
    await ext.close({ keepProfile: true });
    ext = await launchWithExtension(profile);
    const page = await openPopup();
    await expect.poll(() => page.getByRole('heading', { name: 'Unlock your authenticator' }).isVisible()).toBe(true);
    expect(await page.getByTestId('code').count()).toBe(0);
    await page.getByLabel('Master password').fill('not my password');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
      .toBe('Wrong password. Try again.');
    expect(await page.getByTestId('code').count()).toBe(0);
    await page.getByLabel('Master password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Lock', exact: true }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    const listed = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'accounts/list' }))) as {
      ok: boolean;
      value: { accounts: unknown[] };
    };
    expect(listed.ok ? 'ok' : JSON.stringify(listed)).toBe('ok');
    expect(listed.value.accounts).toHaveLength(102);
    await expect.poll(() => page.locator('.issuer').first().textContent()).toBe('Mailmachine');
    const issuers = await page.locator('.issuer').allTextContents();
    expect(issuers.slice(0, 2)).toEqual(['Mailmachine', 'Forgejo']);
    expectCurrentCode(await page.getByTestId('code').first().textContent(), ACCOUNTS[0]!);
    await page.close();
  });
});

describe('a password change against a stolen copy of the profile', () => {
  const NEW_PASSWORD = 'a completely new passphrase';
  type Stored = {
    'vault.current'?: string;
    'vault.previous'?: string;
    'vault.restorePoints'?: { blob: string; reason: string }[];
  };

  it('re-keys: the old password and the old vault key open no blob written after the change; nothing lost', async () => {
    const page = await ext.context.newPage();
    await page.goto(optionsUrl());
    const send = (message: object) =>
      page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<{ ok: boolean; value?: unknown }>;
    const read = () =>
      page.evaluate(async () => ({
        local: (await chrome.storage.local.get(['vault.current', 'vault.previous', 'vault.restorePoints'])) as Stored,
        session: (await chrome.storage.session.get('session.vaultKey'))['session.vaultKey'] as string | undefined,
      }));
    const stolen = await read();
    const oldKey = (await unlockEnvelope(stolen.local['vault.current']!, PASSWORD)).vaultKey;
    expect(decodeBase64(stolen.session!)).toEqual(oldKey);
    const count = (await send({ type: 'accounts/list' })) as { value: { accounts: unknown[] } };

    expect((await send({ type: 'vault/change-password', oldPassword: PASSWORD, newPassword: NEW_PASSWORD })).ok).toBe(
      true,
    );
    const changed = await read();
    expect(
      (
        await send({
          type: 'accounts/add-uri',
          uri: 'otpauth://totp/After:change@example.test?secret=GEZDGNBVGY3TQOJQ&issuer=After',
        })
      ).ok,
    ).toBe(true);
    const later = await read();

    // The session key was replaced by a new vault key.
    const newKey = decodeBase64(later.session!);
    expect(newKey).not.toEqual(oldKey);
    // The restore points were re-keyed with the vault (and one more kept of the vault before the change).
    const points = later.local['vault.restorePoints']!;
    expect(points.map((p) => p.reason)).toEqual([
      ...stolen.local['vault.restorePoints']!.map((p) => p.reason),
      'password',
    ]);
    const blobs = [
      changed.local['vault.current'],
      changed.local['vault.previous'],
      later.local['vault.current'],
      later.local['vault.previous'],
      ...points.map((p) => p.blob),
    ];
    for (const blob of blobs) {
      await expect(unlockEnvelope(blob!, PASSWORD)).rejects.toMatchObject({ code: 'vault/wrong-password' });
      await expect(openWithKey(blob!, oldKey)).rejects.toMatchObject({ code: 'vault/corrupted' });
      expect(await openWithKey(blob!, newKey)).toBeInstanceOf(Uint8Array);
    }
    const opened = await unlockEnvelope(later.local['vault.current']!, NEW_PASSWORD);
    expect(opened.vaultKey).toEqual(newKey);
    const data = deserializeVault(opened.plaintext);
    expect(data.accounts).toHaveLength(count.value.accounts.length + 1);
    await page.close();
  });
});

/** Every file under `dir` whose path names the extension id, concatenated. */
function readTree(dir: string, extensionId: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile() && path.includes(extensionId) && stat.size < 50_000_000) parts.push(readFileSync(path));
    }
  };
  walk(dir);
  return Buffer.concat(parts);
}
