import { useState } from 'preact/hooks';
import { errorText, type Translate } from './api';

/** Paste an otpauth:// URI; a bad one gets the parser's message for its field and changes nothing. */
export function AddByUri({ t, onAdd }: { t: Translate; onAdd(uri: string): Promise<unknown> }) {
  const [uri, setUri] = useState('');
  const [error, setError] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    setError('');
    try {
      await onAdd(uri.trim());
      setUri('');
    } catch (failure) {
      setError(errorText(t, failure));
    }
  }

  return (
    <form class="add" onSubmit={submit}>
      <label>
        {t('addUriLabel')}
        <input type="text" value={uri} spellcheck={false} autocomplete="off" placeholder="otpauth://totp/…"
          onInput={(e) => setUri(e.currentTarget.value)} aria-invalid={error ? 'true' : 'false'} />
      </label>
      {error && <p class="error" role="alert">{error}</p>}
      <button type="submit" disabled={!uri.trim()}>{t('addSubmit')}</button>
    </form>
  );
}
