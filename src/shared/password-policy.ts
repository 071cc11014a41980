/**
 * The floor for a master password, shared by the popup (hint as you type) and the background (which
 * enforces it). Length beats composition rules (NIST SP 800-63B §5.1.1.2): at least 10 characters,
 * not one repeated character or a run like "1234567890", and not a well-known password.
 * Returns the i18n key of the problem, or null when acceptable.
 */
const COMMON = new Set([
  'password123',
  'password1234',
  '1234567890',
  'qwertyuiop',
  'iloveyou12',
  'passw0rd12',
  'administrator',
  'letmein123',
  'qwerty1234',
  'abcdefghij',
  'changeme123',
  'welcome123',
]);

export const MIN_PASSWORD_LENGTH = 10;

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'passwordTooShort';
  if (new Set(password).size < 4) return 'passwordTooSimple';
  if (COMMON.has(password.toLowerCase()) || isRun(password)) return 'passwordTooCommon';
  return null;
}

function isRun(text: string): boolean {
  let up = true;
  let down = true;
  for (let i = 1; i < text.length; i++) {
    const step = text.charCodeAt(i) - text.charCodeAt(i - 1);
    up &&= step === 1;
    down &&= step === -1;
  }
  return up || down;
}
