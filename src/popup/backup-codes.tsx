import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView, BackupCodeView } from '../shared/protocol';
import { errorText, type PopupApi, type Translate } from './api';
import { closeOnEscape, usePanelHeading } from './panel-focus';

/**
 * Split pasted backup codes: one per line (or comma/semicolon/tab separated); list numbering such as
 * "1." or "3)" is dropped. A line of short groups like Google's "1234 5678" is one code; a line of
 * long space-separated tokens ("abcd-efgh-ijkl wxyz-1234-5678") is several codes.
 */
export function splitCodes(text: string): string[] {
  return text
    .split(/[\n,;\t]+/)
    .map((line) => line.replace(/^\s*\d{1,2}[.)]\s+/, '').trim())
    .flatMap((line) => {
      const tokens = line.split(/\s+/);
      return tokens.length > 1 && tokens.every((token) => token.length >= 6) ? tokens : [line];
    })
    .filter((code) => code.length >= 4);
}

/** The single-use backup codes a site gives at setup: paste them, tick one off when used. */
export function BackupCodes({
  api,
  t,
  account,
  onClose,
}: {
  api: PopupApi;
  t: Translate;
  account: AccountView;
  onClose(): void;
}) {
  const [codes, setCodes] = useState<BackupCodeView[] | null>(null);
  const [paste, setPaste] = useState('');
  const [error, setError] = useState('');
  // The list as stored (each save returns it), and the saves one after the other: each change applies
  // to what the last save stored, so two quick ticks both stay, and nothing is saved before the list
  // was read (a save sends the whole list: one made from no list would drop the codes stored).
  const stored = useRef<BackupCodeView[] | null>(null);
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const heading = usePanelHeading();

  useEffect(() => {
    api.backupCodes(account.id).then(
      (list) => {
        stored.current = list;
        setCodes(list);
      },
      (failure) => setError(errorText(t, failure)),
    );
  }, [api, account.id, t]);

  /** Saves `change` of the stored list; false (with the error shown) when it was not saved. */
  const save = (change: (list: BackupCodeView[]) => BackupCodeView[]): Promise<boolean> => {
    const run = saving.current.then(async () => {
      if (!stored.current) return false;
      try {
        stored.current = await api.setBackupCodes(account.id, change(stored.current));
        setCodes(stored.current);
        setError('');
        return true;
      } catch (failure) {
        setError(errorText(t, failure));
        return false;
      }
    });
    saving.current = run;
    return run;
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const pasted = splitCodes(paste);
    const added = await save((list) => [
      ...list,
      ...pasted.filter((code) => !list.some((c) => c.code === code)).map((code) => ({ code, used: false })),
    ]);
    // Not saved (locked meanwhile, too many codes): what the user pasted stays for another try.
    if (added) setPaste('');
  };

  const remaining = codes?.filter((c) => !c.used).length ?? 0;
  return (
    <section class="panel" aria-labelledby="codes-title" onKeyDown={closeOnEscape(onClose)}>
      <h2 id="codes-title" tabIndex={-1} ref={heading}>
        {t('backupCodesTitle', account.issuer || account.account)}
      </h2>
      {codes && codes.length === 0 ? (
        <p class="hint" data-testid="codes-none">
          {t('backupCodesNone')}
        </p>
      ) : (
        codes && (
          <p class="hint" data-testid="codes-remaining">
            {t('backupCodesRemaining', [String(remaining), String(codes.length)])}
          </p>
        )
      )}
      <ul class="backup-codes">
        {(codes ?? []).map((c) => (
          <li key={c.code}>
            <label class={c.used ? 'check used' : 'check'}>
              <input
                type="checkbox"
                checked={c.used}
                onChange={() => void save((list) => list.map((x) => (x.code === c.code ? { ...x, used: !x.used } : x)))}
              />
              <code>{c.code}</code>
            </label>
          </li>
        ))}
      </ul>
      <form onSubmit={add} class="add">
        <label>
          {t('backupCodesPaste')}
          <textarea rows={3} value={paste} onInput={(e) => setPaste(e.currentTarget.value)} spellcheck={false} />
        </label>
        <button type="submit" disabled={!codes || !paste.trim()}>
          {t('backupCodesAdd')}
        </button>
      </form>
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
