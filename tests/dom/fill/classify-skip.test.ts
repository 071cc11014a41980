/**
 * A look at the page asks only the inputs matching `MAY_BE_CODE` (content/fill/classify.ts): a plain
 * search box is left out by selector, so that it never gets an object in our isolated world. That is
 * only right if the scorer could never have scored it at the threshold: checked here on fixed cases and
 * on generated inputs with attributes drawn from code-field and search-box vocabularies, inside a
 * context that gives every point it can ("Enter the 6-digit code from your authenticator app").
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findOtpFields, MAY_BE_CODE, scoreField, THRESHOLD } from '../../../src/content/fill/classify';
import { inputsIn } from '../../../src/content/fill/dom';

const skipped = (input: HTMLInputElement) => !input.matches(MAY_BE_CODE);

function mountInput(attrs: Record<string, string>, around = ''): HTMLInputElement {
  document.body.innerHTML = `<form><h2>Two-factor authentication</h2>
    <p>Enter the 6-digit code from your authenticator app (one-time code, 2FA).</p>
    ${around}<div id="slot"></div></form>`;
  const input = document.createElement('input');
  for (const [name, value] of Object.entries(attrs)) input.setAttribute(name, value);
  document.getElementById('slot')!.append(input);
  return input;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('plain search boxes are left out of the look', () => {
  it('the selector is valid and keeps a code field (the control)', () => {
    const input = mountInput({ name: 'otp', autocomplete: 'one-time-code', inputmode: 'numeric' });
    expect(skipped(input)).toBe(false);
    expect(findOtpFields(document)).toEqual({ kind: 'single', input });
  });

  it.each([
    [{ name: 'q', placeholder: 'Search' }],
    [{ placeholder: 'Search this site' }],
    [{ 'aria-label': 'search', autocomplete: 'off' }],
    [{ name: 'query', title: 'SEARCH' }],
    [{ type: 'text', name: 's', placeholder: 'Search …' }],
    // Identifiers with the word itself may say anything else.
    [{ id: 'search', class: 'otp-code verification', placeholder: 'Search' }],
    [{ class: 'field search', name: 'two-factor-code', placeholder: 'Search' }],
  ])('%o is left out, and the scorer agrees', (attrs) => {
    const input = mountInput(attrs);
    expect(skipped(input)).toBe(true);
    expect(scoreField(input, THRESHOLD)).toBeLessThan(THRESHOLD);
  });

  it.each([
    // What earns points without a hint.
    [{ name: 'q', placeholder: 'Search', autocomplete: 'one-time-code' }],
    [{ name: 'q', placeholder: 'Search', maxlength: '6' }],
    [{ name: 'q', placeholder: 'Search', maxlength: '1' }],
    [{ name: 'q', placeholder: 'Search', inputmode: 'numeric' }],
    [{ name: 'q', placeholder: 'Search', pattern: '[0-9]*' }],
    [{ name: 'q', placeholder: 'Search', type: 'tel' }],
    [{ name: 'q', placeholder: 'Search', type: 'number' }],
    [{ name: 'q', placeholder: 'Search', type: 'bogus' }],
    // Identifiers that may hold a hint.
    [{ id: 'otp', placeholder: 'Search' }],
    [{ name: 'code', placeholder: 'Search' }],
    [{ class: 'mfa', placeholder: 'Search' }],
    [{ name: 'q', placeholder: 'Search', autocomplete: 'totp' }],
    // Not the word to the scorer, or no search word at all.
    [{ name: 'q', placeholder: 'SEarch' }],
    [{ name: 'q', placeholder: 'Research' }],
    [{ name: 'q' }],
  ])('%o is still asked', (attrs) => {
    expect(skipped(mountInput(attrs))).toBe(false);
  });

  it('other types are left out, text-like ones (unknown and missing types too) are asked', () => {
    for (const type of ['hidden', 'search', 'email', 'checkbox', 'submit', 'date', 'datetime-local'])
      expect(skipped(mountInput({ type, name: 'otp' })), type).toBe(true);
    // month and week too: Firefox reads them as text (and scores them).
    for (const type of ['text', 'tel', 'number', 'password', 'datetime', 'bogus', '', 'month', 'week'])
      expect(skipped(mountInput({ type, name: 'otp' })), type).toBe(false);
  });

  it('never leaves out an input the scorer would score at the threshold (generated)', () => {
    const words = [
      'search',
      'Search',
      'SEARCH',
      'SEarch',
      'q',
      'otp',
      'code',
      'one-time-code',
      '2fa',
      'verification',
      'totp',
      'mfa',
      'token',
      'pin',
      'digits',
      'Enter code',
      'off',
      'on',
      '6',
      '1',
      '8',
      'numeric',
      '\\d{6}',
      'tel',
      'number',
      'text',
      'query',
      's',
      'keyword',
      'keywords',
      'term',
      'site search',
      'search otp',
      'auth code',
      'Suche',
      'recherche',
      'TEL',
      'Text',
      '',
    ];
    const names = [
      'id',
      'name',
      'class',
      'placeholder',
      'aria-label',
      'title',
      'autocomplete',
      'maxlength',
      'inputmode',
      'pattern',
      'type',
      'formcontrolname',
      'data-testid',
    ];
    const labels = [
      '',
      '<label for="f">Verification code</label>',
      '<span>6-digit code</span>',
      '<label for="f">Search</label>',
    ];
    let left = 0;
    fc.assert(
      fc.property(
        // A search box's attributes underneath, so that many inputs come close to the line.
        fc.constantFrom({}, { placeholder: 'Search' }, { name: 'q', 'aria-label': 'Search' }, { class: 'search' }),
        fc.dictionary(fc.constantFrom(...names), fc.constantFrom(...words), { maxKeys: 4 }),
        fc.constantFrom(...labels),
        (base, more, label) => {
          const attrs = { ...base, ...more };
          const input = mountInput(attrs, label);
          if (label.includes('for="f"') && !input.hasAttribute('id')) input.setAttribute('id', 'f');
          if (!skipped(input)) return;
          left++;
          expect(scoreField(input, THRESHOLD), JSON.stringify({ attrs, label })).toBeLessThan(THRESHOLD);
        },
      ),
      { numRuns: 3000, seed: 16 },
    );
    // The control: the generator does make inputs the selector leaves out.
    expect(left).toBeGreaterThan(150);
  });
});

describe('inputsIn with a selector, across shadow roots', () => {
  it("keeps document order: a shadow root's inputs where its host is, before the host's light content", async () => {
    document.body.innerHTML =
      '<input id="a"><div id="empty"></div><input data-k="b" placeholder="Search" name="q">' +
      '<x-a.b id="ce"><input id="slotted"></x-a.b><input id="c"><x-late id="late"></x-late>';
    document.getElementById('empty')!.attachShadow({ mode: 'open' }).innerHTML = '<input id="e1"><input id="e2">';
    document.getElementById('ce')!.attachShadow({ mode: 'open' }).innerHTML = '<slot></slot><input id="ce1">';
    document.getElementById('late')!.attachShadow({ mode: 'open' }).innerHTML = '<p><input id="l1"></p>';
    await Promise.resolve(); // a new task's walk
    // (The search box has no id: an id is an identifier the scorer reads, and would keep it asked.)
    const ids = (list: Element[]) => list.map((el) => el.id || el.getAttribute('data-k'));
    expect(ids(inputsIn(document))).toEqual(['a', 'e1', 'e2', 'b', 'ce1', 'slotted', 'c', 'l1']);
    // The search box is left out by the look's selector; the order of the rest is the same.
    expect(ids(inputsIn(document, MAY_BE_CODE))).toEqual(['a', 'e1', 'e2', 'ce1', 'slotted', 'c', 'l1']);
  });
});
