import { useRef, useState } from 'preact/hooks';
import type { OptionsApi } from './api';
import type { Translate } from './app';
import { passwordProblem } from '../shared/password-policy';
import { errorText } from './error-text';
import { useCapsLock } from '../shared/ui/caps-lock';

export function ChangePassword({ api, t }: { api: OptionsApi; t: Translate }) {
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string; note?: string } | null>(null);
  // One change at a time: a second submit while the first runs (a double click) would be checked
  // against the new password and say "wrong password" over a change that was made.
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const capsLock = useCapsLock();

  async function submit(event: Event) {
    event.preventDefault();
    if (running.current) return;
    const problem = passwordProblem(newPassword);
    if (problem) return setMessage({ error: true, text: t(problem) });
    // A typo in a new master password locks the user out for good: it is typed twice.
    if (newPassword !== repeat) return setMessage({ error: true, text: t('setupMismatch') });
    running.current = true;
    setBusy(true);
    try {
      await api.changePassword(oldPassword, newPassword);
      setOld('');
      setNew('');
      setRepeat('');
      // Chromium's storage (LevelDB) keeps overwritten records in its files until it compacts them, so
      // the vault as sealed under the old password may still be on disk (SECURITY.md, section 4).
      setMessage({ error: false, text: t('passwordChanged'), note: t('passwordChangedOldCopies') });
    } catch (failure) {
      setMessage({ error: true, text: errorText(t, failure) });
    } finally {
      running.current = false;
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="password-title" id="password" class="card">
      <h2 id="password-title">{t('changePasswordTitle')}</h2>
      <form class="stack" onSubmit={submit} {...capsLock.listeners}>
        <label>
          {t('currentPassword')}
          <input
            type="password"
            autocomplete="current-password"
            value={oldPassword}
            onInput={(e) => setOld(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('newPassword')}
          <input
            type="password"
            autocomplete="new-password"
            value={newPassword}
            onInput={(e) => setNew(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('newPasswordRepeat')}
          <input
            type="password"
            autocomplete="new-password"
            value={repeat}
            data-testid="new-password-repeat"
            onInput={(e) => setRepeat(e.currentTarget.value)}
          />
        </label>
        {capsLock.on && (
          <p class="hint" role="status" data-testid="caps-lock">
            {t('capsLockOn')}
          </p>
        )}
        {message && (
          <p class={message.error ? 'error' : 'saved'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        {message?.note && (
          <p class="hint" data-testid="password-old-copies">
            {message.note}
          </p>
        )}
        <div class="actions">
          <button type="submit" disabled={busy || !oldPassword || !newPassword || !repeat}>
            {t('changePasswordSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
