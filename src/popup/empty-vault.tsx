import type { Translate } from './api';

/** A new vault: say what to do, with the two ways in as real buttons (Add is the main one). */
export function EmptyVault({ t, onAdd, onImport }: { t: Translate; onAdd(): void; onImport(): void }) {
  return (
    <section class="empty-vault" aria-labelledby="empty-title" data-testid="empty-vault">
      <h2 id="empty-title">{t('emptyTitle')}</h2>
      <p>{t('listEmpty')}</p>
      <div class="actions">
        <button type="button" onClick={onAdd} data-testid="empty-add">
          {t('addSubmit')}
        </button>
        <button type="button" class="secondary" onClick={onImport} data-testid="empty-import">
          {t('importFromApp')}
        </button>
      </div>
    </section>
  );
}
