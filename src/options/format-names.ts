/** Product names of the formats (names, not words: the same in every locale). */
const NAMES: Record<string, string> = {
  'otpauth-list': 'otpauth:// list',
  'ente-auth': 'Ente Auth',
  aegis: 'Aegis',
  'aegis-encrypted': 'Aegis 🔒',
  twofas: '2FAS',
  'twofas-encrypted': '2FAS 🔒',
  andotp: 'andOTP',
  'andotp-encrypted': 'andOTP 🔒',
  'bitwarden-json': 'Bitwarden (JSON)',
  'bitwarden-csv': 'Bitwarden (CSV)',
  'proton-authenticator': 'Proton Authenticator',
  'authenticator-ext': 'Authenticator extension',
  'authenticator-ext-encrypted': 'Authenticator extension 🔒',
  'clickauth-backup': 'ClickAuth backup 🔒',
};

export const formatName = (format: string): string => NAMES[format] ?? format;
