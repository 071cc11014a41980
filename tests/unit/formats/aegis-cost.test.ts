/**
 * Finding 9 (denial of service): an Aegis file carries its own scrypt parameters. Anything costlier
 * than Aegis itself (N=2^15, r=8, p=1), or more password slots than a real vault has, is refused
 * with `import/too-costly` before any key derivation runs, and before a password is even asked for.
 */
import { describe, expect, it } from 'vitest';
import { exportAegisEncrypted, importFile } from '../../../src/core/formats';
import { MAX_PASSWORD_SLOTS } from '../../../src/core/formats/aegis-crypto';
import type { ParsedAccount } from '../../../src/core/otpauth-uri';

const account: ParsedAccount = {
  type: 'totp',
  issuer: 'Example',
  account: 'me',
  secret: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};

interface Slot {
  type: number;
  n: number;
  r: number;
  p: number;
}
type Vault = { header: { slots: Slot[] } };

async function crafted(edit: (vault: Vault) => void): Promise<string> {
  const vault = JSON.parse(await exportAegisEncrypted([account], 'pw', { scrypt: { N: 16, r: 1, p: 1 } })) as Vault;
  edit(vault);
  return JSON.stringify(vault);
}

const setSlot = (n: number, r: number, p: number) => (vault: Vault) =>
  Object.assign(vault.header.slots[0]!, { n, r, p });

describe('Aegis scrypt cost cap', () => {
  it.each([
    ['N=2^30', setSlot(2 ** 30, 8, 1)],
    ['N=2^16 (twice Aegis)', setSlot(2 ** 16, 8, 1)],
    ['r=16', setSlot(2 ** 15, 16, 1)],
    ['p=2', setSlot(2 ** 15, 8, 2)],
    ['p=16 (sixteen passes of Aegis-size work)', setSlot(2 ** 15, 8, 16)],
    [
      `${MAX_PASSWORD_SLOTS + 1} password slots`,
      (v: Vault) =>
        void v.header.slots.push(...Array.from({ length: MAX_PASSWORD_SLOTS }, () => ({ ...v.header.slots[0]! }))),
    ],
  ])('%s: import/too-costly at once, with or without a password', async (_name, edit) => {
    const file = await crafted(edit);
    for (const options of [{ password: 'pw' }, {}]) {
      const started = performance.now();
      await expect(importFile(file, options)).rejects.toMatchObject({ code: 'import/too-costly', field: 'data' });
      // Refused before any KDF: a real one at N=2^30 would need 1 TiB and hours.
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('a costly second slot is refused even when the first one is fine', async () => {
    const file = await crafted((v) => void v.header.slots.push({ ...v.header.slots[0]!, n: 2 ** 20 }));
    await expect(importFile(file, { password: 'pw' })).rejects.toMatchObject({ code: 'import/too-costly' });
  });

  it('malformed parameters stay import/corrupt', async () => {
    await expect(importFile(await crafted(setSlot(1000, 8, 1)), { password: 'pw' })).rejects.toMatchObject({
      code: 'import/corrupt',
    });
    await expect(importFile(await crafted(setSlot(2 ** 15, 0, 1)), { password: 'pw' })).rejects.toMatchObject({
      code: 'import/corrupt',
    });
  });

  it("control: Aegis's own cost, and cheaper test parameters, import", async () => {
    const real = await exportAegisEncrypted([account], 'pw');
    expect(JSON.parse(real).header.slots[0]).toMatchObject({ n: 2 ** 15, r: 8, p: 1 });
    expect((await importFile(real, { password: 'pw' })).accounts).toHaveLength(1);
    expect((await importFile(await crafted(() => undefined), { password: 'pw' })).accounts).toHaveLength(1);
    await expect(importFile(await crafted(() => undefined))).rejects.toMatchObject({ code: 'import/needs-password' });
  });
});
