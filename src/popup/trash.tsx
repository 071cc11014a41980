import { useEffect, useState } from 'preact/hooks';
import type { TrashView } from '../shared/protocol';
import { errorText, type PopupApi, type Translate } from './api';
import { plural } from '../shared/ui/plural';
import { closeOnEscape, usePanelHeading } from './panel-focus';
import { accountName } from './account-name';

const DAY = 24 * 60 * 60 * 1000;

/** Deleted accounts, restorable for 30 days after deletion. */
export function Trash({
  api,
  t,
  onRestored,
  onClose,
}: {
  api: PopupApi;
  t: Translate;
  onRestored(): void;
  onClose(): void;
}) {
  const [items, setItems] = useState<TrashView[] | null>(null);
  const [error, setError] = useState('');
  const heading = usePanelHeading();
  const load = () => api.trash().then(setItems, (failure) => setError(errorText(t, failure)));
  useEffect(() => void load(), []);

  const restore = async (id: string) => {
    try {
      await api.restore(id);
      onRestored();
      await load();
      // The row and its Restore button are gone: the focus goes back to the panel, not to <body>.
      heading.current?.focus();
    } catch (failure) {
      setError(errorText(t, failure));
    }
  };

  return (
    <section class="panel" aria-labelledby="trash-title" onKeyDown={closeOnEscape(onClose)}>
      <h2 id="trash-title" tabIndex={-1} ref={heading}>
        {t('trashTitle')}
      </h2>
      {items && items.length === 0 && <p class="hint">{t('trashEmpty')}</p>}
      <ul class="trash">
        {(items ?? []).map((item) => {
          // Issuer and account name: two deleted accounts of one issuer (work and home) read the same
          // by the issuer alone, and the user restored one of them blind.
          const name = accountName(item) || t('noIssuer');
          return (
            <li key={item.id}>
              <span>
                {name}{' '}
                <span class="hint">
                  {plural(t, 'trashDaysLeft', Math.max(0, Math.ceil((item.deletedAt + 30 * DAY - Date.now()) / DAY)))}
                </span>
              </span>
              <button
                type="button"
                class="secondary"
                aria-label={t('restoreNamed', name)}
                onClick={() => restore(item.id)}
              >
                {t('restore')}
              </button>
            </li>
          );
        })}
      </ul>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="secondary" onClick={onClose}>
        {t('back')}
      </button>
    </section>
  );
}
