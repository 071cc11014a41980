/**
 * "Show as QR" for an account whose otpauth URI is long (a 1024-character key, long non-ASCII names
 * that the URI carries percent-encoded, twice for the issuer): at level M the QR library finds no
 * version that holds it and threw, and the popup said only "Something went wrong".
 */
import { afterEach, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import QR from 'qrcode';
import { startBackground, withVault } from '../../adapter/background';
import { button, click, mount, msg, settle, submit, type, unmount } from './helpers';
import { formatOtpauthUri } from '../../../src/core/otpauth-uri';

const PASSWORD = 'correct horse battery';

/** An account URI with the longest key (1024 base32 characters) and names of `n` 'ü' each. */
const longUri = (n: number) =>
  formatOtpauthUri({
    type: 'totp',
    issuer: 'ü'.repeat(n),
    account: 'ü'.repeat(n),
    secret: new Uint8Array(640).map((_, i) => i * 7),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  } as Parameters<typeof formatOtpauthUri>[0]);

/** The QR's modules drawn black on white (4 pixels a module, quiet zone of 4) and read back by jsQR. */
function readBack(uri: string, level: 'L' | 'M'): string | undefined {
  const { modules } = QR.create(uri, { errorCorrectionLevel: level });
  const scale = 4;
  const side = (modules.size + 8) * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const [mx, my] = [Math.floor(x / scale) - 4, Math.floor(y / scale) - 4];
      const dark = mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && modules.get(my, mx);
      if (dark) rgba.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  return jsQR(rgba, side, side)?.data;
}

async function showQrOf(uri: string, issuer: string) {
  const bg = await withVault(await startBackground(), [uri], { password: PASSWORD });
  const el = await mount(bg.api);
  await click(button(el, msg('accountDetails', issuer)));
  await click(el.querySelector('[data-testid=more-actions]'));
  await click(button(el, msg('showQr')));
  await type(el.querySelector('input[type=password]'), PASSWORD);
  await submit(el.querySelector('form.add'));
  await settle();
  const id = (await bg.accounts())[0]!.id;
  const { uri: stored } = await bg.send({ type: 'accounts/export-uri', id, password: PASSWORD });
  return { el, stored };
}

afterEach(unmount);

describe('show as QR, long accounts', () => {
  it('control: an ordinary account is shown at level M', async () => {
    const uri = 'otpauth://totp/Mail:me@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Mail';
    const { el, stored } = await showQrOf(uri, 'Mail');
    const img = el.querySelector('[data-testid=account-qr]');
    expect(img?.getAttribute('src')).toBe(
      await QR.toDataURL(stored, { errorCorrectionLevel: 'M', margin: 4, scale: 5 }),
    );
  });

  it('an account too long for level M but not for L is shown at level L, and reads back whole', async () => {
    const { el, stored } = await showQrOf(longUri(150), 'ü'.repeat(150));
    expect(() => QR.create(stored, { errorCorrectionLevel: 'M' })).toThrow();
    expect(el.querySelector('[role=alert]')).toBeNull();
    const img = el.querySelector('[data-testid=account-qr]');
    expect(img?.getAttribute('src')).toBe(
      await QR.toDataURL(stored, { errorCorrectionLevel: 'L', margin: 4, scale: 5 }),
    );
    expect(readBack(stored, 'L')).toBe(stored);
  }, 30_000);

  it('an account too long for any QR says so (translated), not "something went wrong"', async () => {
    const { el, stored } = await showQrOf(longUri(200), 'ü'.repeat(200));
    expect(() => QR.create(stored, { errorCorrectionLevel: 'L' })).toThrow();
    expect(el.querySelector('[data-testid=account-qr]')).toBeNull();
    expect(el.querySelector('[role=alert]')?.textContent).toBe(msg('showQrTooLong'));
    expect(msg('showQrTooLong')).not.toBe('');
  }, 30_000);
});
