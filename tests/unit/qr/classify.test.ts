import { describe, expect, it } from 'vitest';
import { classifyQrText, type QrTextKind } from '../../../src/core/qr';

describe('classifyQrText', () => {
  it.each<[string, QrTextKind]>([
    ['otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example', 'otpauth'],
    ['otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=1', 'otpauth'],
    ['OTPAUTH://TOTP/x?secret=JBSWY3DPEHPK3PXP', 'otpauth'],
    ['OtpAuth://totp/x?secret=JBSWY3DPEHPK3PXP\n', 'otpauth'],
    ['otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU', 'otpauth-migration'],
    ['OTPAUTH-MIGRATION://offline?data=AA', 'otpauth-migration'],
    ['https://example.com/setup?otpauth=1', 'other'],
    [
      'https://login.microsoftonline.com/activate?activation code=123456789&url=https://mobileappcommunicator.auth.microsoft.com',
      'other',
    ],
    [
      'phonefactor://activate_account?code=123456789&url=https://mobileappcommunicator.auth.microsoft.com/activate/123/WEU',
      'other',
    ],
    ['otpauth:totp/x?secret=JBSWY3DPEHPK3PXP', 'other'],
    ['xotpauth://totp/x?secret=JBSWY3DPEHPK3PXP', 'other'],
    ['see otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', 'other'],
    ['otpauth-migrationx://offline?data=AA', 'other'],
    ['steam://x', 'other'],
    ['', 'other'],
    ['WIFI:T:WPA;S:home;P:secret;;', 'other'],
  ])('%j is %s', (text, kind) => {
    expect(classifyQrText(text).kind).toBe(kind);
  });

  it('returns authenticator payloads trimmed and anything else untouched', () => {
    expect(classifyQrText('  otpauth://totp/x?secret=AA\r\n').text).toBe('otpauth://totp/x?secret=AA');
    expect(classifyQrText(' https://example.com \n').text).toBe(' https://example.com \n');
  });
});
