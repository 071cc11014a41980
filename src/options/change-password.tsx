import { useState } from 'preact/hooks';
import type { OptionsApi } from './api';
import type { Translate } from './app';
import { passwordProblem } from '../shared/password-policy';

export function ChangePassword({ api, t }: { api: OptionsApi; t: Translate }) {
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const problem = passwordProblem(newPassword);
    if (problem) return setMessage({ error: true, text: t(problem) });
    try {
      await api.changePassword(oldPassword, newPassword);
      setOld('');
      setNew('');
      setMessage({ error: false, text: t('passwordChanged') });
    } catch (failure) {
      const code = String((failure as { code?: unknown }).code ?? '');
      const text = code ? t(`error_${code.replace(/[^a-z0-9]+/gi, '_')}`) : '';
      setMessage({ error: true, text: text && !text.startsWith('error_') ? text : t('errorGeneric') });
    }
  }

  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">{t('changePasswordTitle')}</h2>
      <form class="panel" onSubmit={submit}>
        <label>
          {t('currentPassword')}
          <input type="password" autocomplete="current-password" value={oldPassword} onInput={(e) => setOld(e.currentTarget.value)} />
        </label>
        <label>
          {t('newPassword')}
          <input type="password" autocomplete="new-password" value={newPassword} onInput={(e) => setNew(e.currentTarget.value)} />
        </label>
        {message && <p class={message.error ? 'error' : 'saved'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
        <button type="submit" disabled={!oldPassword || !newPassword}>{t('changePasswordSubmit')}</button>
      </form>
    </section>
  );
}
