import { expect, it } from 'vitest';
import {
  calibrateIterations,
  createEnvelope,
  openWithKey,
  pbkdf2Measure,
  sealWithKey,
  unlockEnvelope,
} from '../../src/core/crypto';
import { addAccount, deserializeVault, emptyVault, serializeVault, type VaultData } from '../../src/core/vault';
import { fmt, medianMs } from './stats';

const PASSWORD = 'correct horse battery staple';

function vaultOf(n: number): VaultData {
  let data = emptyVault();
  for (let i = 0; i < n; i++) {
    const secret = new Uint8Array(20).map((_, j) => (j === 0 ? i >> 8 : j === 1 ? i & 255 : (j * 7 + 1) % 256));
    data = addAccount(
      data,
      {
        type: 'totp',
        issuer: `Issuer number ${i}`,
        account: `user${i}@example.com`,
        secret,
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
        sites: [`https://login${i}.example.com`],
        backupCodes: Array.from({ length: 10 }, (_, k) => ({ code: `${i}-${k}-abcd-efgh`, used: k < 3 })),
      },
      { now: 1_700_000_000_000 + i },
    ).vault;
  }
  return data;
}

it('vault: unlock at calibrated iterations; seal/open of a 1000-account vault', async () => {
  const iterations = await calibrateIterations({ measure: pbkdf2Measure(() => performance.now()) });
  const small = await createEnvelope(PASSWORD, serializeVault(emptyVault()), { iterations });
  const unlock = await medianMs(5, () => unlockEnvelope(small.blob, PASSWORD));

  const big = vaultOf(1000);
  const plaintext = serializeVault(big);
  const { blob, vaultKey } = await createEnvelope(PASSWORD, plaintext, { iterations: 1000 });
  const seal = await medianMs(20, async () => sealWithKey(blob, vaultKey, serializeVault(big)));
  const open = await medianMs(20, async () => deserializeVault(await openWithKey(blob, vaultKey)));
  const serializeOnly = await medianMs(20, () => serializeVault(big));

  console.log(
    [
      '',
      'vault benchmark (node WebCrypto, medians)',
      `  calibrated PBKDF2-SHA256 iterations   ${iterations}`,
      `  unlock (derive + unwrap + open)       ${fmt(unlock)}   (5 runs)`,
      `  1000 accounts: plaintext size         ${(plaintext.length / 1024).toFixed(1)} KB, sealed ${(blob.length / 1024).toFixed(1)} KB base64`,
      `  1000 accounts: serialize + seal       ${fmt(seal)}   (20 runs; serialize alone ${fmt(serializeOnly)})`,
      `  1000 accounts: open + deserialize     ${fmt(open)}   (20 runs)`,
      '',
    ].join('\n'),
  );
  expect(iterations).toBeGreaterThanOrEqual(600_000);
  expect(deserializeVault(await openWithKey(blob, vaultKey)).accounts).toHaveLength(1000);
});
