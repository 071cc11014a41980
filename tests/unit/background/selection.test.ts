import { describe, expect, it } from 'vitest';
import { keyFromSelection } from '../../../src/background/enroll/selection';
import { codeAt } from '../../../src/core/otp';

describe('"Add this key" on selected text', () => {
  it('takes a grouped key, names it after the site, binds it to the frame origin', () => {
    const found = keyFromSelection('  jbsw y3dp ehpk 3pxp ', 'https://accounts.example.com/security/2fa?step=2');
    expect(found?.origin).toBe('https://accounts.example.com');
    expect(found?.account).toMatchObject({ issuer: 'example.com', account: '', type: 'totp', digits: 6, period: 30 });
    expect(codeAt(found!.account, 1257894000_000)).toBe('528064');
  });

  it.each([
    ['not base32', 'hello world 1', 'https://example.com/'],
    ['empty', '   ', 'https://example.com/'],
    ['a file: page', 'JBSWY3DPEHPK3PXP', 'file:///tmp/x.html'],
    ['no URL', 'JBSWY3DPEHPK3PXP', ''],
  ])('refuses %s', (_name, text, url) => {
    expect(keyFromSelection(text, url)).toBeNull();
  });
});
