import { afterEach, describe, expect, it } from 'vitest';
import { findBackupCodes } from '../../../src/content/enroll/backup-codes';

afterEach(() => {
  document.body.innerHTML = '';
});

const page = (html: string) => {
  document.body.innerHTML = html;
  return findBackupCodes(document.body);
};

describe('finding the backup codes a setup page shows', () => {
  it('Google style: ten "1234 5678" codes in a list', () => {
    const codes = Array.from({ length: 10 }, (_, i) => `${4000 + i} ${7100 + i * 3}`);
    expect(page(`<h2>Save your backup codes</h2><ol>${codes.map((c) => `<li>${c}</li>`).join('')}</ol>`)).toEqual(
      codes,
    );
  });

  it('GitHub style: "abcde-12345" recovery codes in a pre block, numbered lines too', () => {
    const codes = ['a1b2c-3d4e5', 'f6g7h-8i9j0', 'k1l2m-3n4o5', 'p6q7r-8s9t0', 'u1v2w-3x4y5', 'z6a7b-8c9d0'];
    expect(
      page(`<p>Download your recovery codes</p><pre>${codes.map((c, i) => `${i + 1}. ${c}`).join('\n')}</pre>`),
    ).toEqual(codes);
  });

  it('German page, codes in a table', () => {
    const codes = ['8f3k2m9q', 'p2x7w4n1', 'k9d3s8a2', 'm4t6y1r0', 'z7c5v2b8'];
    expect(
      page(
        `<h2>Ihre Wiederherstellungscodes</h2><table><tr>${codes.map((c) => `<td>${c}</td>`).join('')}</tr></table>`,
      ),
    ).toEqual(codes);
  });

  it.each([
    [
      'no backup/recovery wording',
      `<ul>${'<li>1234 5678</li>'.repeat(3)}<li>2222 3333</li><li>4444 5555</li><li>6666 7777</li></ul>`,
    ],
    ['too few codes', '<h2>Backup codes</h2><ul><li>1234 5678</li><li>2345 6789</li></ul>'],
    [
      'words, not codes',
      `<h2>Backup settings</h2><ul>${['Settings', 'Profile', 'Security', 'Billing', 'Logout'].map((w) => `<li>${w}</li>`).join('')}</ul>`,
    ],
  ])('nothing when %s', (_name, html) => {
    expect(page(html)).toBeNull();
  });
});
