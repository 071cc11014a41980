import { useState } from 'preact/hooks';
import type { Translate } from './app';

/** Asks for an encrypted file's password. */
export function FilePassword({
  t,
  busy,
  onPassword,
  onCancel,
}: {
  t: Translate;
  busy: boolean;
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
      <div class="actions">
        <button type="submit" disabled={busy || !password}>
          {t('importOpen')}
        </button>
        <button type="button" class="secondary" onClick={onCancel} disabled={busy}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
