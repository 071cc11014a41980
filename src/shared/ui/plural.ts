type Translate = (key: string, substitutions?: string | string[]) => string;

const rulesByLocale = new Map<string, Intl.PluralRules>();

/** The UI language's plural rules (chrome.i18n's `@@ui_locale`, English when unknown). */
function rulesFor(t: Translate): Intl.PluralRules {
  const raw = t('@@ui_locale');
  const locale = raw && !raw.startsWith('@@') ? raw.replace(/_/g, '-') : 'en';
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      rules = new Intl.PluralRules('en'); // a locale tag Intl does not know
    }
    rulesByLocale.set(locale, rules);
  }
  return rules;
}

/**
 * One message per plural form: `key` is the general (plural) form, `keyOne` the singular, chosen by
 * Intl.PluralRules for `count` (instead of "account(s)" / "Konto/Konten"). `subs` default to the count.
 */
export function plural(t: Translate, key: string, count: number, subs: string[] = [String(count)]): string {
  return t(rulesFor(t).select(count) === 'one' ? `${key}One` : key, subs);
}
