import { useState } from 'preact/hooks';
import { errorText, type Translate } from './api';
import { passwordProblem } from '../shared/password-policy';

interface FormProps {
  t: Translate;
  onSubmit(password: string): Promise<unknown>;
}

/** First run: choose the master password (twice), with a strength hint and a floor on trivial ones. */
export function SetupForm({ t, onSubmit }: FormProps) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const problem = passwordProblem(password);

  async function submit(event: Event) {
    event.preventDefault();
    if (problem) return setError(t(problem));
    if (password !== repeat) return setError(t('setupMismatch'));
    setBusy(true);
    try {
      await onSubmit(password);
    } catch (failure) {
      setError(errorText(t, failure));
      setBusy(false);
    }
  }

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="setup-title">
      <h2 id="setup-title">{t('setupTitle')}</h2>
      <p class="hint">{t('setupExplain')}</p>
      <label>
        {t('setupPassword')}
        <input type="password" autocomplete="new-password" value={password} autoFocus
          onInput={(e) => setPassword(e.currentTarget.value)} aria-describedby="setup-strength" />
      </label>
      <p id="setup-strength" class="hint" aria-live="polite">{password && (problem ? t(problem) : t('setupStrong'))}</p>
      <label>
        {t('setupRepeat')}
        <input type="password" autocomplete="new-password" value={repeat} onInput={(e) => setRepeat(e.currentTarget.value)} />
      </label>
      {error && <p class="error" role="alert">{error}</p>}
      <button type="submit" disabled={busy}>{t('setupSubmit')}</button>
    </form>
  );
}

/** Locked: one password field and a clear message on a wrong password. */
export function UnlockForm({ t, onSubmit }: FormProps) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await onSubmit(password);
    } catch (failure) {
      setError(errorText(t, failure));
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="unlock-title">
      <h2 id="unlock-title">{t('unlockTitle')}</h2>
      <label>
        {t('unlockPassword')}
        <input type="password" autocomplete="current-password" value={password} autoFocus
          onInput={(e) => setPassword(e.currentTarget.value)} aria-invalid={error ? 'true' : 'false'} />
      </label>
      {error && <p class="error" role="alert">{error}</p>}
      <button type="submit" disabled={busy || !password}>{busy ? t('unlockBusy') : t('unlockSubmit')}</button>
    </form>
  );
}
