import type { Translate } from './app';

/** The options' sections, in page order: plain in-page links (no router; each card has the id). */
const SECTIONS: readonly [id: string, key: string][] = [
  ['locking', 'optionsLockTitle'],
  ['autofill', 'optionsAutofillTitle'],
  ['backups', 'optionsBackupsTitle'],
  ['restore', 'restorePointsTitle'],
  ['import', 'importTitle'],
  ['export', 'exportTitle'],
  ['password', 'changePasswordTitle'],
];

export function SectionNav({ t }: { t: Translate }) {
  return (
    <nav class="side-nav" aria-label={t('optionsNavLabel')}>
      <ul>
        {SECTIONS.map(([id, key]) => (
          <li key={id}>
            <a href={`#${id}`}>{t(key)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
