import { useRef, useState } from 'preact/hooks';
import type { ManualEntryInput } from '../shared/protocol';
import { errorField, errorText, type PopupApi, type Translate } from './api';
import { plural } from '../shared/ui/plural';
import { codeText } from '../shared/error-text';
import { closeOnEscape, usePanelHeading } from './panel-focus';

type Mode = 'uri' | 'key' | 'scan';
const MODES: readonly Mode[] = ['uri', 'key', 'scan'];

const EMPTY: ManualEntryInput = {
  issuer: '',
  account: '',
  secret: '',
  type: 'totp',
  algorithm: 'SHA1',
  digits: '6',
  period: '30',
  counter: '0',
};

/** Add an account: paste a setup link, type a key by hand, or scan the QR codes on this page. */
export function AddPanel({
  api,
  t,
  onAdded,
  onClose,
}: {
  api: PopupApi;
  t: Translate;
  onAdded(message: string): void;
  onClose(): void;
}) {
  const [mode, setMode] = useState<Mode>('uri');
  // What was typed lives here, not in the tab's form (mounted only while its tab is selected): a look
  // at another tab and back keeps the link or the key and its name.
  const [uri, setUri] = useState('');
  const [entry, setEntry] = useState<ManualEntryInput>(EMPTY);
  const heading = usePanelHeading();
  const tabs = useRef<HTMLDivElement>(null);
  // The tab pattern: one tab in the tab order (the selected one); arrow keys, Home and End select
  // another and move the focus to it.
  const onTabKey = (event: KeyboardEvent) => {
    const at = MODES.indexOf(mode);
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % MODES.length
        : event.key === 'ArrowLeft'
          ? (at + MODES.length - 1) % MODES.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? MODES.length - 1
              : -1;
    if (to < 0) return;
    event.preventDefault();
    setMode(MODES[to]!);
    tabs.current?.querySelector<HTMLElement>(`#add-tab-${MODES[to]!}`)?.focus();
  };
  return (
    <section class="panel" aria-labelledby="add-title" onKeyDown={closeOnEscape(onClose)}>
      <h2 id="add-title" tabIndex={-1} ref={heading}>
        {t('addTitle')}
      </h2>
      <div class="tabs" role="tablist" aria-labelledby="add-title" ref={tabs} onKeyDown={onTabKey}>
        {MODES.map((m) => (
          <button
            type="button"
            role="tab"
            key={m}
            id={`add-tab-${m}`}
            aria-selected={mode === m}
            aria-controls="add-tabpanel"
            tabIndex={mode === m ? 0 : -1}
            onClick={() => setMode(m)}
          >
            {t(`addMode_${m}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="add-tabpanel" aria-labelledby={`add-tab-${mode}`}>
        {mode === 'uri' && <AddByUri api={api} t={t} onAdded={onAdded} value={uri} onChange={setUri} />}
        {mode === 'key' && <AddByKey api={api} t={t} onAdded={onAdded} value={entry} onChange={setEntry} />}
        {mode === 'scan' && <ScanPage api={api} t={t} onAdded={onAdded} />}
      </div>
      <button type="button" class="secondary" onClick={onClose}>
        {t('close')}
      </button>
    </section>
  );
}

interface AddProps {
  api: PopupApi;
  t: Translate;
  onAdded(message: string): void;
}

/** A form's typed input, kept by the panel across tab switches. */
interface Typed<T> {
  value: T;
  onChange(value: T): void;
}

function AddByUri({ api, t, onAdded, value: uri, onChange: setUri }: AddProps & Typed<string>) {
  const [error, setError] = useState('');
  async function submit(event: Event) {
    event.preventDefault();
    setError('');
    try {
      const added = await api.addUri(uri.trim());
      setUri('');
      onAdded(plural(t, 'addedCount', added.length));
    } catch (failure) {
      setError(errorText(t, failure));
    }
  }
  return (
    <form class="add" onSubmit={submit}>
      <label>
        {t('addUriLabel')}
        <input
          type="text"
          value={uri}
          spellcheck={false}
          autocomplete="off"
          placeholder="otpauth://totp/…"
          onInput={(e) => setUri(e.currentTarget.value)}
          aria-invalid={error ? 'true' : 'false'}
        />
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={!uri.trim()}>
        {t('addSubmit')}
      </button>
    </form>
  );
}

function AddByKey({ api, t, onAdded, value: entry, onChange: setEntry }: AddProps & Typed<ManualEntryInput>) {
  const [error, setError] = useState<{ field: string | undefined; text: string } | null>(null);
  const set = (key: keyof ManualEntryInput) => (e: Event) =>
    setEntry({ ...entry, [key]: (e.currentTarget as HTMLInputElement).value });
  const invalid = (field: string) => (error?.field === field ? 'true' : 'false');
  const fieldError = (field: string) =>
    error?.field === field && (
      <p class="error" role="alert" id={`err-${field}`}>
        {error.text}
      </p>
    );

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      await api.addManual(entry);
      setEntry(EMPTY);
      onAdded(plural(t, 'addedCount', 1));
    } catch (failure) {
      setError({ field: errorField(failure), text: errorText(t, failure) });
    }
  }

  return (
    <form class="add" onSubmit={submit}>
      <label>
        {t('fieldIssuer')}
        <input value={entry.issuer} onInput={set('issuer')} autocomplete="off" />
      </label>
      <label>
        {t('fieldAccount')}
        <input value={entry.account} onInput={set('account')} autocomplete="off" />
      </label>
      <label>
        {t('fieldSecret')}
        <input
          value={entry.secret}
          onInput={set('secret')}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={invalid('secret')}
        />
      </label>
      {fieldError('secret')}
      <details>
        <summary>{t('advanced')}</summary>
        <label>
          {t('fieldType')}
          <select value={entry.type} onChange={set('type')} aria-invalid={invalid('type')}>
            <option value="totp">{t('typeTotp')}</option>
            <option value="hotp">{t('typeHotp')}</option>
            <option value="steam">{t('typeSteam')}</option>
          </select>
        </label>
        <label>
          {t('fieldAlgorithm')}
          <select value={entry.algorithm} onChange={set('algorithm')}>
            <option>SHA1</option>
            <option>SHA256</option>
            <option>SHA512</option>
          </select>
        </label>
        <label>
          {t('fieldDigits')}
          <input inputMode="numeric" value={entry.digits} onInput={set('digits')} aria-invalid={invalid('digits')} />
        </label>
        {fieldError('digits')}
        {entry.type === 'hotp' ? (
          <label>
            {t('fieldCounter')}
            <input
              inputMode="numeric"
              value={entry.counter}
              onInput={set('counter')}
              aria-invalid={invalid('counter')}
            />
          </label>
        ) : (
          <label>
            {t('fieldPeriod')}
            <input inputMode="numeric" value={entry.period} onInput={set('period')} aria-invalid={invalid('period')} />
          </label>
        )}
        {fieldError('counter')}
        {fieldError('period')}
      </details>
      {error && !['secret', 'digits', 'counter', 'period'].includes(error.field ?? '') && (
        <p class="error" role="alert">
          {error.text}
        </p>
      )}
      <button type="submit" disabled={!entry.secret.trim()}>
        {t('addSubmit')}
      </button>
    </form>
  );
}

function ScanPage({ api, t, onAdded }: AddProps) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  async function scan() {
    setBusy(true);
    setMessage(null);
    try {
      const result = await api.scan();
      if (result.added.length > 0) onAdded(plural(t, 'addedCount', result.added.length));
      else if (result.reenroll?.length) setMessage({ error: false, text: t('scanReenroll', result.reenroll[0]!) });
      else if (result.malformed) {
        const { code } = result.malformed;
        setMessage({ error: true, text: code ? `${t('scanMalformed')} ${codeText(t, code)}` : t('scanMalformed') });
      } else if (result.duplicates > 0) setMessage({ error: false, text: t('scanDuplicate') });
      else if (result.busy) setMessage({ error: true, text: t('scanTryAgain') });
      else if (result.notAuthenticator > 0) setMessage({ error: true, text: t('scanNotAuthenticator') });
      else setMessage({ error: true, text: t('scanNothing') });
    } catch (failure) {
      setMessage({ error: true, text: errorText(t, failure) });
    }
    setBusy(false);
  }
  return (
    <div class="add">
      <p class="hint">{t('scanExplain')}</p>
      <button type="button" onClick={scan} disabled={busy}>
        {busy ? t('scanBusy') : t('scanSubmit')}
      </button>
      {message && (
        <p class={message.error ? 'error' : 'hint'} role="alert">
          {message.text}
        </p>
      )}
    </div>
  );
}
