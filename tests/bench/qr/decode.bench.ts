/**
 * QR decode benchmark: plain jsQR on the raw buffer vs decodeQr's preprocessing pipeline, on a seeded
 * corpus (tests/bench/qr/corpus.ts). Run: npx vitest run --config tests/bench/vitest.bench.config.ts tests/bench/qr
 */
import jsQR from 'jsqr';
import { expect, it } from 'vitest';
import { decodeQr, type RgbaImage } from '../../../src/core/qr';
import { blank, randomImage, screenshot } from '../../unit/qr/render';
import { CATEGORIES, corpus, type Case } from './corpus';
import { median } from '../stats';

const PER_CATEGORY = 22;

interface Outcome {
  ok: boolean;
  ms: number;
}

function time(decode: () => string | null | undefined, expected: string): Outcome {
  const start = performance.now();
  const text = decode();
  return { ok: text === expected, ms: performance.now() - start };
}

function row(name: string, raw: Outcome[], ours: Outcome[]): string {
  const rate = (o: Outcome[]) => `${((100 * o.filter((x) => x.ok).length) / o.length).toFixed(1).padStart(5)} %`;
  const ms = (o: Outcome[]) =>
    median(o.map((x) => x.ms))
      .toFixed(1)
      .padStart(7);
  return `${name.padEnd(18)} ${String(raw.length).padStart(5)}   ${rate(raw)} ${ms(raw)}   ${rate(ours)} ${ms(ours)} ${median(
    ours.filter((x) => x.ok).map((x) => x.ms),
  )
    .toFixed(1)
    .padStart(7)}`;
}

it('qr: plain jsQR vs preprocessing pipeline', () => {
  const started = performance.now();
  const cases: Case[] = corpus(PER_CATEGORY);
  const generated = performance.now() - started;
  const raw = new Map<string, Outcome[]>();
  const ours = new Map<string, Outcome[]>();
  const attempts = new Map<string, number>();
  const failures: string[] = [];
  for (const c of cases) {
    const { data, width, height } = c.image;
    const r = time(() => jsQR(data, width, height, { inversionAttempts: 'attemptBoth' })?.data, c.text);
    let attempt = 'none';
    const o = time(() => {
      const found = decodeQr(c.image);
      attempt = found?.attempt ?? 'none';
      return found?.text;
    }, c.text);
    attempts.set(attempt, (attempts.get(attempt) ?? 0) + 1);
    if (!o.ok) failures.push(`${c.category} ${width}×${height}`);
    raw.set(c.category, [...(raw.get(c.category) ?? []), r]);
    ours.set(c.category, [...(ours.get(c.category) ?? []), o]);
  }
  const all = (m: Map<string, Outcome[]>) => [...m.values()].flat();
  console.log(
    [
      '',
      `QR decode benchmark: ${cases.length} cases (seeded), corpus generated in ${(generated / 1000).toFixed(1)} s`,
      `category           cases   jsQR raw  median ms   pipeline  median ms  (ms, decoded only)`,
      ...CATEGORIES.map((c) => row(c, raw.get(c) ?? [], ours.get(c) ?? [])),
      row('OVERALL', all(raw), all(ours)),
      '',
      `winning attempt: ${[...attempts].map(([k, v]) => `${k} ${v}`).join(', ')}`,
      `pipeline failures: ${failures.length ? failures.join('; ') : 'none'}`,
      `total ${((performance.now() - started) / 1000).toFixed(1)} s`,
      '',
    ].join('\n'),
  );
  const rate = all(ours).filter((x) => x.ok).length / cases.length;
  expect(rate).toBeGreaterThanOrEqual(0.99);
});

it('qr: worst case, nothing to find (all attempts, or until the 750 ms budget)', () => {
  const inputs: [string, RgbaImage][] = [
    ['random noise 300×300', randomImage(300, 300, 1)],
    ['random noise 600×600', randomImage(600, 600, 2)],
    ['page without QR 1280×800', screenshot(blank(1, 1, [246, 247, 249, 255]), 0, 100, 3)],
    ['page without QR 1920×1080', screenshot(blank(1, 1, [246, 247, 249, 255]), 0, 100, 4, 1920, 1080)],
    ['page without QR 3840×2160', screenshot(blank(1, 1, [246, 247, 249, 255]), 0, 100, 5, 3840, 2160)],
  ];
  const lines = inputs.map(([name, image]) => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      expect(decodeQr(image)).toBeNull();
      times.push(performance.now() - start);
    }
    return `  ${name.padEnd(28)} ${median(times).toFixed(0).padStart(6)} ms`;
  });
  console.log(['', 'QR decode worst case (no QR; default options; median of 3):', ...lines, ''].join('\n'));
});
