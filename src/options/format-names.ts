import type { Translate } from './app';

/** Product names stay as they are; the words around them ("encrypted", "backup", "list") are translated. */
const PRODUCTS: Record<string, string> = {
  'ente-auth': 'Ente Auth',
  aegis: 'Aegis',
  twofas: '2FAS',
  andotp: 'andOTP',
  'bitwarden-json': 'Bitwarden (JSON)',
  'bitwarden-csv': 'Bitwarden (CSV)',
  'proton-authenticator': 'Proton Authenticator',
};

const WORDS: Record<string, string> = {
  'otpauth-list': 'formatOtpauthList',
  'authenticator-ext': 'formatAuthenticatorExt',
  'clickauth-backup': 'formatClickauthBackup',
};

function baseName(t: Translate, format: string): string {
  if (PRODUCTS[format]) return PRODUCTS[format];
  const key = WORDS[format];
  return key ? t(key) : format;
}

/** The name of an import format in the UI language; "-encrypted" formats say so in words (no emoji). */
export function formatName(t: Translate, format: string): string {
  const plain = format.replace(/-encrypted$/, '');
  const name = baseName(t, plain);
  // A ClickAuth backup is always encrypted; saying so again adds nothing.
  return plain !== format ? t('formatEncrypted', name) : name;
}
