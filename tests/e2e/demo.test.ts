/**
 * `npm start` without a display: the demo walks the whole journey headless in Chromium with the real
 * build (demo/walk.mjs) and must report every step passed, with its screenshots.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, repoRoot } from './harness';

describe('the headless demo (npm start)', () => {
  it('walks every step in Chromium and writes a screenshot for each', () => {
    assertBuilt();
    const out = mkdtempSync(join(tmpdir(), 'clickauth-demo-out-'));
    try {
      const run = spawnSync(process.execPath, ['demo/run.mjs', '--headless', '--browser', 'chromium', '--out', out], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 280_000,
      });
      const steps = run.stdout.split('\n').filter((line) => /^\[demo\] [✓✗] \d+\/\d+ /.test(line));
      expect(
        steps.filter((line) => line.includes('✗')),
        run.stdout + run.stderr,
      ).toEqual([]);
      expect(steps).toHaveLength(7);
      expect(run.stdout).toContain('[demo] all steps passed');
      expect(run.status).toBe(0);
      expect(
        readdirSync(out)
          .filter((file) => file.endsWith('.png'))
          .sort(),
      ).toHaveLength(7);
      expect(existsSync(join(out, '02-qr-highlight.png'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});
