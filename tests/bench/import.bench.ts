/**
 * Importing a 1000-account otpauth list: parse, parse + preview (duplicates planned against a
 * 1000-account vault), and the full commit (parse, plan, 1000 × addAccount, seal, store) in node
 * through the real VaultService; then the same preview and commit through the real background in
 * Chromium when dist/chrome and a Chromium are present.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { encodeBase32 } from '../../src/core/bytes/base32';
import { importFile } from '../../src/core/formats';
import { addAccount, emptyVault, type VaultData } from '../../src/core/vault';
import { planImport } from '../../src/background/handlers/import-export/plan';
import { VaultService } from '../../src/background/vault/vault-service';
import type { VaultPorts } from '../../src/background/vault/ports';
import { chromePath, distDir, launchWithExtension } from '../e2e/harness';
import { createVault, openPopup } from '../e2e/popup-helpers';
import { fmt, medianMs } from './stats';

const N = 1000;
const secretOf = (i: number, salt: number) =>
  new Uint8Array(20).map((_, j) => ((i * 31 + j * 7 + salt) % 256) ^ (i >> 8));
const LIST = Array.from(
  { length: N },
  (_, i) =>
    `otpauth://totp/Issuer%20${i}:user${i}%40example.com?secret=${encodeBase32(secretOf(i, 1))}&issuer=Issuer%20${i}&digits=6&period=30`,
).join('\n');

function vaultOf(n: number): VaultData {
  let data = emptyVault();
  for (let i = 0; i < n; i++) {
    const account = {
      type: 'totp' as const,
      issuer: `Existing ${i}`,
      account: `x${i}`,
      secret: secretOf(i, 101),
      algorithm: 'SHA1' as const,
      digits: 6,
      period: 30,
      counter: 0,
    };
    data = addAccount(data, account, { now: i }).vault;
  }
  return data;
}

function memoryVault(): VaultService {
  const local: { current?: string; previous?: string } = {};
  let key: Uint8Array | undefined;
  const ports: VaultPorts = {
    blobs: {
      read: async () => ({ ...local }),
      write: async (current, previous) => void Object.assign(local, { current, previous: previous ?? current }),
      readPoints: async () => [],
      takeRecovered: async () => undefined,
    },
    keys: { read: async () => key, write: async (k) => void (key = k), clear: async () => void (key = undefined) },
    now: () => Date.now(),
    iterations: async () => 1000,
  };
  return new VaultService(ports);
}

async function nodeCommit(): Promise<number> {
  const vault = memoryVault();
  await vault.create('correct horse battery staple');
  const started = performance.now();
  const result = await importFile(LIST);
  await vault.mutate((data, now) => {
    let next = data;
    for (const input of planImport(result, data).add) next = addAccount(next, input, { now }).vault;
    return { data: next, result: undefined };
  });
  const elapsed = performance.now() - started;
  expect(await vault.read((d) => d.accounts.length)).toBe(N);
  return elapsed;
}

it('import: 1000-account otpauth list', async () => {
  const existing = vaultOf(N);
  const parse = await medianMs(15, () => importFile(LIST));
  const preview = await medianMs(15, async () => planImport(await importFile(LIST), existing).preview);
  const commitTimes: number[] = [];
  for (let i = 0; i < 7; i++) commitTimes.push(await nodeCommit());
  commitTimes.sort((a, b) => a - b);
  const lines = [
    '',
    `import benchmark: ${N}-account otpauth list (${(LIST.length / 1024).toFixed(0)} KB), medians`,
    `  node: parse (importFile)                          ${fmt(parse)}   (15 runs)`,
    `  node: parse + preview vs a ${N}-account vault     ${fmt(preview)}   (15 runs)`,
    `  node: full commit (parse, plan, add, seal, store)  ${fmt(commitTimes[3]!)}   (7 runs, empty vault)`,
  ];
  expect((await importFile(LIST)).accounts).toHaveLength(N);

  if (existsSync(join(distDir, 'manifest.json')) && existsSync(chromePath)) {
    const ext = await launchWithExtension();
    try {
      const popup = await openPopup(ext);
      await createVault(popup);
      const options = await ext.context.newPage();
      await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
      const timings = await options.evaluate(async (data) => {
        const send = async (message: object) => {
          const reply = (await chrome.runtime.sendMessage(message)) as {
            ok: boolean;
            value?: { importId?: string; previewId?: string };
            error?: { code: string };
          };
          if (!reply.ok) throw new Error(reply.error?.code);
          return reply.value;
        };
        const previews: number[] = [];
        const commits: number[] = [];
        for (let i = 0; i < 7; i++) {
          let start = performance.now();
          const preview = await send({ type: 'import/preview', data, encoding: 'text' });
          previews.push(performance.now() - start);
          start = performance.now();
          const done = await send({ type: 'import/commit', previewId: preview?.previewId, expectedCount: 1000 });
          commits.push(performance.now() - start);
          await send({ type: 'import/undo', importId: done?.importId });
        }
        const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
        return { preview: median(previews), commit: median(commits) };
      }, LIST);
      lines.push(
        `  chromium: import/preview round trip                ${fmt(timings.preview)}   (7 runs, empty vault)`,
        `  chromium: import/commit round trip (all ${N})     ${fmt(timings.commit)}   (7 runs, undone between runs)`,
      );
    } finally {
      await ext.close();
    }
  } else {
    lines.push('  chromium: skipped (no dist/chrome or no Chromium; run `npx vite build`)');
  }
  console.log(`${lines.join('\n')}\n`);
});
