type Translate = (key: string, substitutions?: string | string[]) => string;

/**
 * `lang` and the page title from the UI language the browser picked for our messages (the HTML
 * files say English; a German UI must not be read out by an English voice).
 */
export function setDocumentLanguage(t: Translate, titleKey = 'extName', doc: Document = document): void {
  const lang = t('@@ui_locale').replace(/_/g, '-');
  if (lang && !lang.startsWith('@@')) doc.documentElement.lang = lang;
  const title = t(titleKey);
  if (title && title !== titleKey) doc.title = title;
}
