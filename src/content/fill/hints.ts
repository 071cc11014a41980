/**
 * The classifier's knowledge, as data. Each rule is a pattern and its weight on three kinds of text:
 * identifiers (id, name, class, autocomplete...), label-like text (label, placeholder, aria-label,
 * the preceding sibling's text) and context (headings and paragraphs around the field). Patterns run
 * on normalised text (see `norm`): lower case, camelCase and letter/digit runs split, `_-.:/` → space.
 * To teach the classifier a language or a site, add an alternative here and a fixture in
 * tests/fixtures/fields.
 */

/** What a rule tests text with: a RegExp, or a long one behind a cheap gate (`gated`). */
export interface Pattern {
  test(text: string): boolean;
}

/** [pattern, weight on identifiers, on label text, on context] */
export type Rule = readonly [Pattern, number, number, number];

/**
 * `pattern` behind `gate`, a short pattern that matches wherever `pattern` can (every match of
 * `pattern` contains a match of `gate`), so text the gate misses skips the long one. A page compiles
 * its patterns on first use, in every frame: STRONG alone cost ~1.5 ms on the first field of a page,
 * usually a search box (issue 16). tests/dom/fill/hint-gates.test.ts checks the gates.
 */
export function gated(gate: RegExp, pattern: RegExp): Pattern & { gate: RegExp; pattern: RegExp } {
  return { gate, pattern, test: (text) => gate.test(text) && pattern.test(text) };
}

// Every alternative of STRONG that can match text in ASCII holds one of these stems ("fa": 2fa, tfa, mfa,
// factor; "cod": code, codice, codigo; "time": one time, onetime); the others hold a non-ASCII letter.
const STRONG_GATE = /[\u0080-\uffff]|otp|otc|fa|step|time|auth|verif|digit|cod|kod|koodi|einmal/;

export const STRONG = gated(
  STRONG_GATE,
  new RegExp(
    [
      // English and acronyms
      '\\b(?:t?otp|hotp|otc|2 ?fa|tfa|mfa|2 ?step|two ?(?:step|factor)|2 ?factor|one ?time|onetime|passcode',
      'authenticator|verification|verify|security ?code|auth(?:entication)? ?code|confirmation ?code',
      'sign ?in ?code|login ?code|access ?code|6 ?digit)\\b',
      // CJK
      '验证码|驗證碼|校验码|动态码|動態密碼|確認コード|認証コード|ワンタイム|인증 ?코드|인증 ?번호|보안 ?코드',
      // European
      'bestätigungs ?code|sicherheits ?code|verifizierungs ?code|authentifizierungs ?code|einmal ?(?:code|passwort|kennwort)',
      'c[oó]digo de (?:verifica[cç][ãa]o|verificaci[oó]n|seguran[cç]a|seguridad|autenticaci[oó]n|acceso|acesso|confirma)',
      'code de (?:v[ée]rification|s[ée]curit[ée]|confirmation)|code d.authentification',
      'codice (?:di )?(?:verifica|sicurezza|conferma)|verificatie ?code|beveiligings ?code|vahvistus ?koodi',
      'verifierings ?kod|bekræftelses ?kode|ověřovací kód|kod (?:weryfikacyjny|uwierzytelniaj|jednorazowy|bezpiecze)',
      'код (?:подтверждения|проверки|безопасности|аутентификации)|одноразов|doğrulama kodu|güvenlik kodu',
      // others
      'mã (?:xác minh|xác thực|bảo mật)|kode (?:verifikasi|keamanan)|رمز التحقق|קוד אימות|सत्यापन कोड|รหัสยืนยัน',
    ].join('|'),
  ),
);

const weak = gated(
  /[\u0080-\uffff]|cod|token|pin|kod|koodi/,
  /\b(?:code|token|pin|c[oó]digo|codice|kod|kode|koodi|kód)\b|код|コード|코드|码|碼|\bmã(?=\s|$)/,
);

const excluded = new RegExp(
  [
    // postal codes (India's "PIN code" is postal too)
    '\\b(?:zip|postal|post ?code|postcode|pin ?code|plz|postleitzahl)\\b|code postal|c[oó]digo postal|cap postale',
    '邮编|邮政编码|郵便番号|우편번호|почтовый индекс',
    // coupons, gift cards, referrals
    'coupon|promo|voucher|discount|gift|redeem|referral|invit|rabatt|gutschein|cup[oó]n|descuento',
    // captchas (Chinese sites call an image captcha 图形验证码)
    'captcha|图形|图片验证|圖形|画像認証|보안문자',
    // backup / recovery codes are not TOTP codes
    'backup|recovery|scratch|emergency|wiederherstellung|recupera|r[ée]cup[ée]ration|secours|respaldo|恢复|복구',
    // search, country/area codes
    '\\b(?:search|suche|buscar|recherche)\\b|country ?code|area ?code|dial ?code|vorwahl',
  ].join('|'),
);

// Payment cards and bank details
const card =
  /\b(?:card|cc ?(?:num|csc|exp|number|name)?|cvc|cvv|cvn|csc|cid|expiry|expiration|iban|bic|swift|routing|sort ?code|account ?(?:number|no)|ssn|social security)\b|kreditkarte|tarjeta|carte bancaire|信用卡|クレジット/;

// Identifiers name credentials bluntly; a label "Email" or "Username" is the whole label.
const credentialId =
  /\b(?:user ?name|user ?id|login ?id|e ?mail|email|correo|benutzername|usuario|identifiant)\b|(?<!one ?time ?|einmal ?)pass ?(?:word|wd)\b|\bpwd\b|kennwort|contrase[ñn]a/;
const credentialText =
  /^\W*(?:e ?mail|email address|user ?name|benutzername|usuario|correo electr[oó]nico|identifiant|adresse e ?mail|login)\W*$|(?<!one ?time ?|einmal ?)\bpassword\b|kennwort|contrase[ñn]a|mot de passe|密码|パスワード|비밀번호|(?<!одноразовый )пароль|用户名|邮箱|メールアドレス|이메일/m;

const phoneId = /\b(?:phone|mobile|tel|telephone|msisdn|handy|telefon|cell|cellphone)\b/;
const phoneText =
  /(?:phone|mobile|cell) ?(?:number|no\b|#)|telephone|telefonnummer|handynummer|n[uú]mero de (?:tel[eé]fono|celular|m[oó]vil)|num[ée]ro de (?:t[ée]l[ée]phone|portable|mobile)|电话号码|手机号|電話番号|携帯番号|전화 ?번호|номер телефона|^\W*(?:phone|mobile|telefon|tel[eé]fono)\W*$/m;

export const RULES: readonly Rule[] = [
  [STRONG, 4, 4, 2],
  [weak, 1.5, 1, 0.5],
  [excluded, -8, -6, 0],
  [card, -8, -6, -3],
  [credentialId, -8, 0, 0],
  [credentialText, 0, -6, 0],
  [/\b(?:name|company|address|street|city)\b/, -4, -4, 0],
  [phoneId, -6, 0, 0],
  [phoneText, 0, -6, 0],
];

/** Context that rules out a group of split boxes unless STRONG context is there too. */
export const NEGATIVE_CONTEXT = [excluded, card] as const;

/** Fields that want "code 1" and "code 2" (e.g. AWS's MFA device resync form), in that order. */
export const ORDINAL = [
  /(?:code|otp|mfa|token|pin) ?(?:no ?)?1\b|\b(?:first|1st|current)\b/,
  /(?:code|otp|mfa|token|pin) ?(?:no ?)?2\b|\b(?:second|2nd|next)\b/,
] as const;

/** Normalises attribute and label text for the patterns above. */
export const norm = (s: string): string =>
  s
    .replace(/([a-z])(?=[A-Z])|([A-Z])(?=[A-Z][a-z])/g, '$1$2 ')
    .replace(/([a-zA-Z])(?=\d)|(\d)(?=[a-zA-Z])/g, '$1$2 ')
    .replace(/[_\-.:/[\]#*()]+/g, ' ')
    .toLowerCase();
