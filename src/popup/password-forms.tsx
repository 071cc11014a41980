import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, type Translate } from './api';
import { passwordProblem } from '../shared/password-policy';
import { PasswordInput } from './password-input';

interface FormProps {
  t: Translate;
  onSubmit(password: string): Promise<unknown>;
}

/** First run: choose the master password (twice), with a strength hint and a floor on trivial ones. */
export function SetupForm({ t, onSubmit }: FormProps) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const problem = passwordProblem(password);
  // The rule shows once: as a hint while typing, the same line turns into the error after a try, and
  // goes back to a hint (or "strong enough") as soon as the password meets it.
  const ruleError = tried && problem !== null;
  const mismatch = error === 'mismatch' && password !== repeat;

  async function submit(event: Event) {
    event.preventDefault();
    setTried(true);
    setError('');
    if (problem) return;
    if (password !== repeat) return setError('mismatch');
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
      <div class="field">
        <label for="setup-password">{t('setupPassword')}</label>
        <PasswordInput
          t={t}
          id="setup-password"
          autocomplete="new-password"
          value={password}
          autoFocus
          onInput={setPassword}
          invalid={ruleError}
          describedBy="setup-strength"
        />
      </div>
      <p
        id="setup-strength"
        class={ruleError ? 'error' : 'hint'}
        role={ruleError ? 'alert' : undefined}
        aria-live="polite"
      >
        {problem ? t(password ? problem : 'passwordTooShort') : t('setupStrong')}
      </p>
      <div class="field">
        <label for="setup-repeat">{t('setupRepeat')}</label>
        <PasswordInput
          t={t}
          id="setup-repeat"
          autocomplete="new-password"
          value={repeat}
          onInput={setRepeat}
          invalid={mismatch}
        />
      </div>
      {mismatch && (
        <p class="error" role="alert">
          {t('setupMismatch')}
        </p>
      )}
      {error && error !== 'mismatch' && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('setupSubmit')}
      </button>
    </form>
  );
}

/** Locked: one password field and a clear message on a wrong password. */
export function UnlockForm({ t, onSubmit }: FormProps) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  // After a wrong password the text stays, selected and focused: one keystroke replaces it, or an
  // arrow key keeps it to fix a typo.
  useEffect(() => {
    if (!error || busy) return;
    field.current?.focus();
    field.current?.select();
  }, [error, busy]);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await onSubmit(password);
    } catch (failure) {
      setError(errorText(t, failure));
      setBusy(false);
    }
  }

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="unlock-title">
      <h2 id="unlock-title">{t('unlockTitle')}</h2>
      <div class="field">
        <label for="unlock-password">{t('unlockPassword')}</label>
        <PasswordInput
          t={t}
          id="unlock-password"
          inputRef={field}
          autocomplete="current-password"
          value={password}
          autoFocus
          onInput={setPassword}
          invalid={!!error}
          describedBy={error ? 'unlock-error' : undefined}
        />
      </div>
      {error && (
        <p class="error" role="alert" id="unlock-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || !password}>
        {busy ? t('unlockBusy') : t('unlockSubmit')}
      </button>
    </form>
  );
}
