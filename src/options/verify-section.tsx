import { useState } from 'preact/hooks';
import type { VerifyCounts } from '../shared/protocol-import';
import type { OptionsApi } from './api';
import type { Translate } from './app';
import { errorText } from './error-text';
import { fileToPayload } from './read-file';

/** "Did my backup work?": the background decrypts the file and compares it with the vault. */
export function VerifySection({ api, t }: { api: OptionsApi; t: Translate }) {
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VerifyCounts | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const payload = await fileToPayload(file, async () => null);
      setResult(await api.verifyBackup({ ...payload, password }));
      setPassword('');
    } catch (failure) {
      setError(errorText(t, failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="subsection" aria-labelledby="verify-title">
      <h3 id="verify-title">{t('verifyTitle')}</h3>
      <p class="hint">{t('verifyExplain')}</p>
      <form class="stack" onSubmit={submit}>
        <label>
          {t('verifyFileLabel')}
          <input type="file" data-testid="verify-file" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </label>
        <label>
          {t('verifyPassword')}
          <input
            type="password"
            autocomplete="off"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {result && (
          <div role="status" data-testid="verify-result">
            <p>{t('verifyResult', [String(result.same), String(result.missing), String(result.extra)])}</p>
            <p class={result.missing > 0 ? 'error' : 'saved'}>
              {t(result.missing > 0 ? 'verifyMissing' : 'verifyComplete')}
            </p>
            {result.olderCounter > 0 && (
              <p class="hint" data-testid="verify-older-counter">
                {t('verifyOlderCounter', [String(result.olderCounter)])}
              </p>
            )}
          </div>
        )}
        <div class="actions">
          <button type="submit" class="secondary" disabled={busy || !file || !password}>
            {t(busy ? 'verifyBusy' : 'verifySubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
