/**
 * Importing an account that differs only in its secret from one the vault has (issue 13): the preview
 * marks it; the user replaces the old one (to the trash, undo brings it back) or keeps both. Either
 * way the new key takes the old one's sites, so the site fills the new code or asks which one to use.
 */
import { describe, expect, it } from 'vitest';
import { VaultService } from '../../../src/background/vault/vault-service';
import { importPreview } from '../../../src/background/handlers/import-export/import-preview';
import { importCommit } from '../../../src/background/handlers/import-export/import-commit';
import { importUndo } from '../../../src/background/handlers/import-export/import-undo';
import { pendingImports } from '../../../src/background/handlers/import-export/pending-imports';
import type { Services } from '../../../src/background/handlers/context';
import { parseOtpauthUri } from '../../../src/core/otpauth-uri';
import { addAccount } from '../../../src/core/vault';
import { matchAccounts } from '../../../src/core/site';
import { memoryPorts } from './memory-ports';
import { memoryImportStores } from './memory-stores';

const SITE = 'https://mailmachine.test';
const OLD = 'otpauth://totp/Mail%20Machine:zoe?secret=JBSWY3DPEHPK3PXP&issuer=Mail%20Machine';
const NEW = 'otpauth://totp/Mail%20Machine:zoe?secret=KRSXG5CTMVRXEZLU&issuer=Mail%20Machine';
const OTHER = 'otpauth://totp/Other:amy?secret=GEZDGNBVGY3TQOJQ&issuer=Other';

async function setup() {
  const vault = new VaultService(memoryPorts().ports);
  await vault.create('correct horse battery');
  await vault.mutate((data, now) => ({
    data: addAccount(data, { ...parseOtpauthUri(OLD), sites: [SITE] }, { now, newId: () => 'old' }).vault,
    result: null,
  }));
  const stores = memoryImportStores();
  const services = { vault } as unknown as Services;
  const pending = pendingImports({ clearOn: vault });
  const preview = await importPreview(services, pending, { data: `${NEW}\n${OTHER}\n`, encoding: 'text' });
  const state = () =>
    vault.read((d) => ({
      active: d.accounts.map((a) => a.issuer + (a.id === 'old' ? ' (old)' : '')),
      trash: d.trash.map((t) => t.account.id),
      here: matchAccounts(d.accounts, SITE).length,
    }));
  return { vault, stores, services, pending, preview, state };
}

describe('importing a new key for an account the vault has', () => {
  it('the preview marks it, and only it', async () => {
    const { preview } = await setup();
    expect(preview.add.map((e) => [e.issuer, e.replaces === true])).toEqual([
      ['Mail Machine', true],
      ['Other', false],
    ]);
  });

  it('replace: the old one goes to the trash, the new one takes its site; undo brings the old one back', async () => {
    const { services, stores, pending, preview, state } = await setup();
    const done = await importCommit(services, stores, pending, {
      previewId: preview.previewId,
      expectedCount: 2,
      replace: [0],
    });
    expect(done.added.map((a) => [a.issuer, a.sites])).toEqual([
      ['Mail Machine', [SITE]],
      ['Other', []],
    ]);
    expect(await state()).toEqual({ active: ['Mail Machine', 'Other'], trash: ['old'], here: 1 });
    await importUndo(services, stores, done.importId);
    expect(await state()).toEqual({ active: ['Mail Machine (old)'], trash: [], here: 1 });
  });

  it("replace: the new key also takes the old one's backup codes, fill options, pin and place; keep both takes the sites and how the code is filled there (the exact-origin narrowing above all), not the rest", async () => {
    for (const replace of [[0], []]) {
      const { vault, services, stores, pending, preview } = await setup();
      // What the old account has beyond its key and sites: the new key takes it all when it replaces it.
      const carried = {
        backupCodes: [
          { code: 'ab12-cd34', used: false },
          { code: 'ef56-gh78', used: true },
        ],
        fill: { submitOn: [SITE], appendOn: [], exactOrigin: true },
        pinned: true,
        order: 5,
      };
      await vault.mutate((data) => ({
        data: { ...data, accounts: data.accounts.map((a) => ({ ...a, ...carried })) },
        result: null,
      }));
      const done = await importCommit(services, stores, pending, {
        previewId: preview.previewId,
        expectedCount: 2,
        replace,
      });
      const fresh = await vault.read((d) => d.accounts.find((a) => a.id === done.added[0]!.id)!);
      if (replace.length) {
        expect(fresh).toMatchObject({ sites: [SITE], ...carried });
      } else {
        expect(fresh).toMatchObject({ sites: [SITE], backupCodes: [], pinned: false });
        // Kept beside it, the new key is narrowed as the old one was: a user-content subdomain the user
        // shut out must not get the new key's code without a click.
        expect(fresh.fill).toEqual({ submitOn: [SITE], appendOn: [], exactOrigin: true });
        expect(fresh.order).not.toBe(5);
      }
    }
  });

  it('keep both (the default): both bound to the site, so the site asks which one to use', async () => {
    const { services, stores, pending, preview, state } = await setup();
    await importCommit(services, stores, pending, { previewId: preview.previewId, expectedCount: 2 });
    expect(await state()).toEqual({ active: ['Mail Machine (old)', 'Mail Machine', 'Other'], trash: [], here: 2 });
  });

  it('a position that is not a marked entry replaces nothing', async () => {
    const { services, stores, pending, preview, state } = await setup();
    await importCommit(services, stores, pending, {
      previewId: preview.previewId,
      expectedCount: 2,
      replace: [1, 7, -1],
    });
    expect((await state()).trash).toEqual([]);
  });

  it('the vault changed since the preview, the count the same but other entries added: nothing written, import/changed', async () => {
    const { vault, services, stores, pending } = await setup();
    const THIRD = 'otpauth://totp/Third:kim?secret=MFRGGZDFMZTWQ2LK&issuer=Third';
    await vault.mutate((data, now) => ({
      data: addAccount(data, parseOtpauthUri(THIRD), { now, newId: () => 'third' }).vault,
      result: null,
    }));
    // The preview: Other added, Mail Machine added as a new key for "old" (the user ticks Replace), Third a duplicate.
    const preview = await importPreview(services, pending, { data: `${OTHER}\n${NEW}\n${THIRD}\n`, encoding: 'text' });
    expect(preview.add.map((e) => [e.issuer, e.replaces === true])).toEqual([
      ['Other', false],
      ['Mail Machine', true],
    ]);
    // Meanwhile (another tab): Other is added, Third deleted for good. Still two entries to add, but
    // position 1, which the user ticked, is now Third.
    await vault.mutate((data, now) => ({
      data: addAccount({ ...data, accounts: data.accounts.filter((a) => a.id !== 'third') }, parseOtpauthUri(OTHER), {
        now,
      }).vault,
      result: null,
    }));
    const before = await vault.read((d) => d.accounts.map((a) => a.issuer));
    await expect(
      importCommit(services, stores, pending, { previewId: preview.previewId, expectedCount: 2, replace: [1] }),
    ).rejects.toMatchObject({ code: 'import/changed' });
    expect(await vault.read((d) => d.accounts.map((a) => a.issuer))).toEqual(before);
  });
});
