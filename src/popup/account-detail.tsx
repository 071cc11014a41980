import { useState } from 'preact/hooks';
import type { AccountView } from '../shared/protocol';
import { errorText, type PopupApi, type Translate } from './api';
import { BackupCodes } from './backup-codes';
import { ShowQr } from './show-qr';
import { optionOrigin, withOrigin } from './origin-options';
import { OverflowMenu } from './overflow-menu';
import { addedText } from './added-text';
import { closeOnEscape, usePanelHeading } from './panel-focus';

interface DetailProps {
  api: PopupApi;
  t: Translate;
  account: AccountView;
  /** The page behind the popup, when it is one of this account's pages. */
  currentOrigin?: string | null;
  onChanged(): void;
  onDeleted(account: AccountView): void;
  onClose(): void;
}

/** Sites are origins: "example.com" becomes "https://example.com"; anything unparsable is an error. */
export function parseSites(text: string): string[] | null {
  const sites: string[] = [];
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    try {
      const url = new URL(/^[a-z]+:\/\//i.test(part) ? part : `https://${part}`);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
      sites.push(url.origin);
    } catch {
      // Not a URL: the form shows the field as invalid.
      return null;
    }
  }
  return sites;
}

/** Edit issuer, name, sites and how codes are filled there; pin; delete (undo in the toast); backup codes; show as QR. */
export function AccountDetail({ api, t, account, currentOrigin = null, onChanged, onDeleted, onClose }: DetailProps) {
  const here = optionOrigin(account, currentOrigin);
  const [issuer, setIssuer] = useState(account.issuer);
  const [name, setName] = useState(account.account);
  const [sites, setSites] = useState(account.sites.join('\n'));
  const [submit, setSubmit] = useState(here !== null && account.fill.submitOn.includes(here));
  const [append, setAppend] = useState(here !== null && account.fill.appendOn.includes(here));
  const [exact, setExact] = useState(account.fill.exactOrigin);
  const [counter, setCounter] = useState(String(account.counter));
  const [error, setError] = useState('');
  const [view, setView] = useState<'edit' | 'codes' | 'qr'>('edit');
  const heading = usePanelHeading(view);

  async function save(event: Event) {
    event.preventDefault();
    const parsed = parseSites(sites);
    if (!parsed) return setError(t('sitesInvalid'));
    const count = Number(counter);
    if (account.type === 'hotp' && (!Number.isSafeInteger(count) || count < account.counter))
      return setError(t('counterHint'));
    const counterPatch = account.type === 'hotp' && count !== account.counter ? { counter: count } : {};
    try {
      await api.update(account.id, {
        issuer: issuer.trim(),
        account: name.trim(),
        sites: parsed,
        ...counterPatch,
        fill: { ...withOrigin(account.fill, here, submit, append), exactOrigin: exact },
      });
      onChanged();
      onClose();
    } catch (failure) {
      setError(errorText(t, failure));
    }
  }

  // Pinning is saved at once and on its own: the view stays open and the unsaved edits in the form stay.
  const togglePin = async () => {
    try {
      await api.update(account.id, { pinned: !account.pinned });
      onChanged();
    } catch (failure) {
      setError(errorText(t, failure));
    }
  };

  const remove = async () => {
    try {
      await api.remove(account.id);
      onDeleted(account);
    } catch (failure) {
      // Not deleted (locked meanwhile, storage full): the account stays, and the panel says why.
      setError(errorText(t, failure));
    }
  };

  if (view === 'codes')
    return (
      <BackupCodes
        api={api}
        t={t}
        account={account}
        onClose={() => {
          onChanged();
          setView('edit');
        }}
      />
    );
  if (view === 'qr') return <ShowQr api={api} t={t} account={account} onClose={() => setView('edit')} />;
  return (
    <form class="panel" onSubmit={save} aria-labelledby="detail-title" onKeyDown={closeOnEscape(onClose)}>
      <div class="detail-head">
        <h2 id="detail-title" title={account.issuer || account.account} tabIndex={-1} ref={heading}>
          {t('editTitle')}
        </h2>
        <OverflowMenu t={t}>
          <button type="button" onClick={togglePin}>
            {account.pinned ? t('unpin') : t('pin')}
          </button>
          <button type="button" onClick={() => setView('codes')}>
            {t('backupCodesButton', String(account.backupCodes.remaining))}
          </button>
          <button type="button" onClick={() => setView('qr')}>
            {t('showQr')}
          </button>
          <hr />
          <button type="button" class="danger" onClick={remove}>
            {t('delete')}
          </button>
        </OverflowMenu>
      </div>
      <p class="hint" data-testid="added">
        {addedText(t, account)}
      </p>
      <label>
        {t('fieldIssuer')}
        <input value={issuer} onInput={(e) => setIssuer(e.currentTarget.value)} />
      </label>
      <label>
        {t('fieldAccount')}
        <input value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        {t('fieldSites')}
        <textarea
          rows={2}
          value={sites}
          onInput={(e) => setSites(e.currentTarget.value)}
          spellcheck={false}
          aria-describedby="sites-hint"
        />
      </label>
      <p class="hint" id="sites-hint">
        {t(sites.trim() ? 'sitesHint' : 'sitesNoneHint')}
      </p>
      {account.type === 'hotp' && (
        <>
          <label>
            {t('fieldCounter')}
            <input
              type="number"
              min={account.counter}
              step={1}
              value={counter}
              onInput={(e) => setCounter(e.currentTarget.value)}
              aria-describedby="counter-hint"
            />
          </label>
          <p class="hint" id="counter-hint">
            {t('counterHint')}
          </p>
        </>
      )}
      <fieldset class="fill-options">
        <legend>{t('fillOptionsTitle')}</legend>
        {here && <p class="hint">{t('fillOptionsOrigin', here)}</p>}
        <label class="check">
          <input
            type="checkbox"
            checked={submit}
            disabled={!here}
            onChange={(e) => setSubmit(e.currentTarget.checked)}
          />
          {t('fillSubmit')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={append}
            disabled={!here}
            onChange={(e) => setAppend(e.currentTarget.checked)}
          />
          {t('fillAppend')}
        </label>
        <ExactOrigin t={t} sites={parseSites(sites) ?? []} checked={exact} onChange={setExact} />
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions end">
        <button type="button" class="secondary" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="submit">{t('save')}</button>
      </div>
    </form>
  );
}

/**
 * "Only on https://login.example.com, not on its other subdomains": narrows the account to the exact
 * origins of its sites, for sites whose other subdomains serve other people's content.
 */
function ExactOrigin({
  t,
  sites,
  checked,
  onChange,
}: {
  t: Translate;
  sites: string[];
  checked: boolean;
  onChange(value: boolean): void;
}) {
  return (
    <>
      <label class="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
        {sites.length === 1 ? t('fillExactOne', sites[0]!) : t('fillExact')}
      </label>
      {sites.some((site) => site.startsWith('http:')) && <p class="hint">{t('fillHttpHint')}</p>}
    </>
  );
}
