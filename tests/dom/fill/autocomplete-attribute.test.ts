/**
 * Firefox quirk (issue 18): there, `input.autocomplete` reads "" for tokens Firefox does not know,
 * `one-time-code` among them (firefox-esr: `<input autocomplete="one-time-code">` gives ""). The
 * classifier reads the attribute. Here the property is made to read "" as in Firefox; the field is
 * still found, by its attribute alone.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findOtpFields, scoreField, THRESHOLD } from '../../../src/content/fill';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

/** A field whose only OTP sign is its autocomplete attribute (no name, id, label or inputmode hints). */
function field(token: string): HTMLInputElement {
  document.body.innerHTML = `<form><input type="text" autocomplete="${token}"><button>Go</button></form>`;
  return document.querySelector('input')!;
}

describe('autocomplete=one-time-code, read as the attribute', () => {
  it('a field is found when the property reads "" (Firefox) and the attribute says one-time-code', () => {
    vi.spyOn(HTMLInputElement.prototype, 'autocomplete', 'get').mockReturnValue('');
    const input = field('one-time-code');
    expect(input.autocomplete).toBe(''); // as Firefox reads it
    expect(scoreField(input)).toBeGreaterThanOrEqual(THRESHOLD);
    expect(findOtpFields(document)).toEqual({ kind: 'single', input });
  });

  it('control: the same plain field without the attribute is not a code field', () => {
    vi.spyOn(HTMLInputElement.prototype, 'autocomplete', 'get').mockReturnValue('');
    const input = field('off');
    expect(scoreField(input)).toBeLessThan(THRESHOLD);
    expect(findOtpFields(document)).toBeNull();
  });
});
