import { useState } from 'preact/hooks';
import { passwordProblem } from '../shared/password-policy';
import type { ExportKind } from '../shared/protocol-import';
import type { OptionsApi } from './api';
import type { Translate } from './app';
import { errorText } from './error-text';
import { ExportPasswords, type FilePasswords } from './export-passwords';
import { plural } from '../shared/ui/plural';

const KINDS: readonly ExportKind[] = ['clickauth-backup', 'aegis-encrypted', 'otpauth-list'];
const KIND_KEYS: Record<ExportKind, string> = {
  'clickauth-backup': 'exportKindBackup',
  'aegis-encrypted': 'exportKindAegis',
  'otpauth-list': 'exportKindOtpauth',
};

/** Export / backup: the background builds the file (after checking the master password), the page downloads it. */
export function ExportSection({ api, t, onExported }: { api: OptionsApi; t: Translate; onExported(): void }) {
  const [kind, setKind] = useState<ExportKind>('clickauth-backup');
  const [master, setMaster] = useState('');
  const [own, setOwn] = useState<FilePasswords>({ enabled: false, password: '', repeat: '' });
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const plain = kind === 'otpauth-list';

  function problem(): string | null {
    if (plain || !own.enabled) return null;
    if (own.password !== own.repeat) return 'setupMismatch';
    return passwordProblem(own.password);
  }

  async function submit(event: Event) {
    event.preventDefault();
    const local = problem();
    if (local) return setMessage({ error: true, text: t(local) });
    setBusy(true);
    setMessage(null);
    try {
      const filePassword = !plain && own.enabled ? { filePassword: own.password } : {};
      const file = await api.exportFile({ kind, masterPassword: master, ...filePassword });
      api.download(file);
      setMaster('');
      setOwn({ enabled: own.enabled, password: '', repeat: '' });
      setMessage({ error: false, text: plural(t, 'exportDone', file.count, [file.filename, String(file.count)]) });
      onExported();
    } catch (failure) {
      setMessage({ error: true, text: errorText(t, failure) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="export-title" id="export" class="card">
      <h2 id="export-title">{t('exportTitle')}</h2>
      <form class="stack" onSubmit={submit}>
        <fieldset>
          <legend>{t('exportKindLegend')}</legend>
          {KINDS.map((k) => (
            <label key={k} class="choice">
              <input type="radio" name="export-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(KIND_KEYS[k])}
            </label>
          ))}
        </fieldset>
        {plain && (
          <div class="warning" role="note" data-testid="plain-warning">
            <p>{t('exportPlainWarning')}</p>
            <label class="choice">
              <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} />
              {t('exportPlainConfirm')}
            </label>
          </div>
        )}
        <label>
          {t('exportMasterPassword')}
          <input
            type="password"
            autocomplete="current-password"
            value={master}
            data-testid="export-master"
            onInput={(e) => setMaster(e.currentTarget.value)}
          />
        </label>
        {!plain && <ExportPasswords t={t} value={own} onChange={setOwn} />}
        {message && (
          <p class={message.error ? 'error' : 'saved'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <div class="actions">
          <button type="submit" disabled={busy || !master || (plain && !understood)}>
            {t(busy ? 'exportBusy' : 'exportSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
