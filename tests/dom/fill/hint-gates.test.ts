/**
 * The classifier's long patterns sit behind short gates (content/fill/hints.ts `gated`): a gate must
 * match wherever its pattern can, or a field the pattern would score is silently missed. Checked on
 * strings generated from each pattern (its word-boundary and lookahead assertions dropped, which only
 * widens what is generated) and on texts in the classifier's languages (the field fixtures run through
 * the whole classifier in classifier.test.ts); and the point of the gates: the texts of an ordinary
 * page's search box skip the long patterns.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RULES, STRONG, type Pattern } from '../../../src/content/fill/hints';

type Gated = Pattern & { gate: RegExp; pattern: RegExp };
const gatedRules = RULES.map(([pattern]) => pattern).filter((p): p is Gated => 'gate' in p);

/** Every whole match of `re` with its assertions dropped (fast-check generates no \b). */
const matchesOf = (re: RegExp) =>
  fc.stringMatching(new RegExp(`^(?:${re.source.replace(/\\b/g, '').replace(/\(\?=[^)]*\)/g, '')})$`));

describe('hint gates', () => {
  it('STRONG and the weak hint are gated (the control: the test below has patterns to check)', () => {
    expect(gatedRules).toContain(STRONG);
    expect(gatedRules.length).toBeGreaterThanOrEqual(2);
  });

  it.each(gatedRules.map((p) => [p.pattern.source.slice(0, 40), p] as const))(
    'the gate matches every match of %s…',
    (_name, { gate, pattern }) => {
      fc.assert(
        fc.property(matchesOf(pattern), (text) => {
          expect(gate.test(text)).toBe(true);
        }),
        { numRuns: 3000 },
      );
    },
  );

  it('gives the same answer as the pattern alone on texts around one-time-code fields and others', () => {
    const texts = [
      'verification code',
      'enter the 6 digit code',
      'one time password',
      'authenticator app code',
      'otp',
      'two factor',
      '2fa code',
      'bestätigungscode',
      'código de verificación',
      'code de vérification',
      'codice di verifica',
      'vahvistuskoodi',
      'kod weryfikacyjny',
      'код подтверждения',
      '验证码',
      '認証コード',
      '인증 코드',
      'mã xác minh',
      'kode verifikasi',
      'search',
      'q',
      'email',
      'password',
      'quantity',
      'coupon code',
      'postal code',
      'pin',
      'token',
      'first name',
      '',
    ];
    for (const { pattern, test } of gatedRules)
      for (const text of texts)
        expect(test(text), `${pattern.source.slice(0, 20)} on "${text}"`).toBe(pattern.test(text));
    // The control: some of these texts do match, so the equality is not all "false".
    expect(texts.filter((text) => STRONG.test(text)).length).toBeGreaterThan(15);
  });

  it('lets the texts of a search box skip the long patterns', () => {
    for (const text of ['q', 'search', 'search the site', 'suche', 'quantity'])
      expect(STRONG.gate.test(text)).toBe(false);
  });
});
