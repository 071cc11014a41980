import { useState } from 'preact/hooks';
import type { Translate } from './app';

/**
 * Asks for an encrypted file's password. While another app's slow key derivation runs (`opening`: the
 * share done), it shows how far it is, and Cancel stays available.
 */
export function FilePassword({
  t,
  busy,
  opening = null,
  onPassword,
  onCancel,
}: {
  t: Translate;
  busy: boolean;
  opening?: number | null;
  onPassword(password: string): void;
  onCancel(): void;
}) {
  const [password, setPassword] = useState('');
  return (
    <form
      class="stack"
      data-testid="import-password"
      onSubmit={(e) => {
        e.preventDefault();
        if (password) onPassword(password);
      }}
    >
      <p>{t('importPasswordPrompt')}</p>
      <label>
        {t('importPasswordLabel')}
        <input
          type="password"
          autocomplete="off"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </label>
      {opening !== null && (
        <label class="opening" data-testid="import-opening">
          {t('importOpening', String(Math.floor(opening * 100)))}
          <progress max={1} value={opening} />
        </label>
      )}
      <div class="actions">
        <button type="submit" disabled={busy || !password}>
          {t('importOpen')}
        </button>
        <button type="button" class="secondary" onClick={onCancel} disabled={busy && opening === null}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
