import { afterAll, describe, expect, it } from 'vitest';
import { findOtpFields, scoreField, type OtpTarget } from '../../../src/content/fill';
import { loadFieldFixtures, mount } from './fixtures';

const fixtures = loadFieldFixtures();
const outcome = { tp: 0, fp: 0, fn: 0, tn: 0 };

/** A comparable picture of a target: its kind and the identity of its elements. */
function picture(target: OtpTarget | null) {
  if (!target) return { kind: 'none', inputs: [] as Element[], visual: undefined as Element | undefined };
  if (target.kind === 'hidden-real') return { kind: target.kind, inputs: [target.input], visual: target.visual };
  return { kind: target.kind, inputs: 'inputs' in target ? [...target.inputs] : [target.input], visual: undefined };
}

describe('classifier over tests/fixtures/fields', () => {
  it('has enough positive and negative fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    expect(fixtures.filter((f) => f.kind === 'none').length).toBeGreaterThanOrEqual(20);
    for (const kind of ['single', 'split', 'hidden-real', 'consecutive'] as const) {
      expect(fixtures.some((f) => f.kind === kind)).toBe(true);
    }
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const { inputs, visual } = mount(fixture);
    const got = picture(findOtpFields(document));
    const hit =
      got.kind === fixture.kind && got.inputs.length === inputs.length && got.inputs.every((el, i) => el === inputs[i]);
    const correct = hit && got.visual === visual;
    if (fixture.kind === 'none') outcome[got.kind === 'none' ? 'tn' : 'fp']++;
    else if (correct) outcome.tp++;
    else {
      outcome.fn++;
      if (got.kind !== 'none') outcome.fp++; // found something, but the wrong thing
    }
    expect(got.kind, fixture.description).toBe(fixture.kind);
    expect(got.inputs, fixture.description).toEqual(inputs);
    expect(got.visual).toBe(visual);
  });

  afterAll(() => {
    const { tp, fp, fn } = outcome;
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    console.log(`classifier: precision ${precision.toFixed(2)} recall ${recall.toFixed(2)} (n=${fixtures.length})`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('scoreField', () => {
  it('rules out fields a user cannot type in', () => {
    document.body.innerHTML = `<input id="a" type="hidden" name="otp"><input id="b" name="otp" disabled>
      <input id="c" name="otp" readonly><input id="d" type="email" name="otp"><div hidden><input id="e" name="otp"></div>`;
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      expect(scoreField(document.getElementById(id) as HTMLInputElement)).toBe(-Infinity);
    }
  });

  it('ranks autocomplete=one-time-code above a bare numeric field', () => {
    document.body.innerHTML = `<input id="a" autocomplete="one-time-code"><input id="b" inputmode="numeric">`;
    const [a, b] = ['a', 'b'].map((id) => scoreField(document.getElementById(id) as HTMLInputElement));
    expect(a).toBeGreaterThan(b ?? 0);
  });

  it('lets exclusions outweigh hints (a postal code with a perfect OTP shape)', () => {
    document.body.innerHTML = `<label for="z">Postal code</label><input id="z" name="postal" maxlength="6" inputmode="numeric" pattern="\\d{6}">`;
    expect(scoreField(document.getElementById('z') as HTMLInputElement)).toBeLessThan(0);
  });
});
