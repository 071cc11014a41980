import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AccountList as AccountListData, AccountView, CapturePending, PendingPick } from '../shared/protocol';
import { errorText, type PopupApi, type Translate } from './api';
import { AccountList } from './account-list';
import { AccountDetail } from './account-detail';
import { AddPanel } from './add-panel';
import { Toast, type ToastState } from './toast';
import { visibleAccounts } from './order';
import { Trash } from './trash';
import { PickPanel } from './pick-panel';
import { LookalikeWarning } from './lookalike-warning';
import { CapturePanel } from './capture-panel';

type Panel = { kind: 'list' } | { kind: 'add' } | { kind: 'detail'; id: string } | { kind: 'trash' };

/** The unlocked popup: search, this site's accounts first, the list, and the add/edit/trash panels. */
export function VaultView({ api, t, initial, onLock }: { api: PopupApi; t: Translate; initial: AccountListData; onLock(): void }) {
  const [pick, setPick] = useState<PendingPick | null>(null);
  const [capture, setCapture] = useState<CapturePending | null>(null);
  const [data, setData] = useState(initial);
  const [query, setQuery] = useState('');
  const [panel, setPanel] = useState<Panel>({ kind: 'list' });
  const [toast, setToast] = useState<ToastState | null>(null);
  const search = useRef<HTMLInputElement>(null);

  const reload = useCallback(async () => {
    try {
      setData(await api.list());
    } catch (failure) {
      setToast({ text: errorText(t, failure) });
    }
  }, [api, t]);

  // Opened by the in-field button on a page: offer that page's accounts first of all.
  useEffect(() => {
    // No pick pending or the background unreachable: nothing to ask.
    api.pendingPick().then(setPick, () => setPick(null));
    // Opened by a click on a QR read from a screenshot of the page: ask before adding it.
    api.capturePending().then(setCapture, () => setCapture(null));
  }, [api]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = (event.target as HTMLElement | null)?.closest('input, textarea, select');
      if (event.key === '/' && !typing) {
        event.preventDefault();
        setPanel({ kind: 'list' });
        search.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const currentIds = data.currentSite?.ids ?? [];
  const shown = visibleAccounts(data.accounts, query, currentIds);
  const closeToast = useCallback(() => setToast(null), []);
  // The open account is looked up in the latest list, so edits made inside the panel show at once.
  const detail = panel.kind === 'detail' ? data.accounts.find((a) => a.id === panel.id) : undefined;

  const deleted = (account: AccountView) => {
    setPanel({ kind: 'list' });
    void reload();
    setToast({
      text: t('deleted', account.issuer || account.account),
      undo: () => void api.restore(account.id).then(reload),
    });
  };

  return (
    <>
      <div class="toolbar">
        <input ref={search} type="search" class="search" placeholder={t('searchPlaceholder')} aria-label={t('searchLabel')}
          value={query} onInput={(e) => setQuery(e.currentTarget.value)} aria-keyshortcuts="/" />
        <button type="button" class="icon" onClick={() => setPanel({ kind: 'add' })} aria-label={t('addTitle')} title={t('addTitle')}>＋</button>
        <button type="button" class="icon" onClick={() => api.openOptions()} aria-label={t('settings')} title={t('settings')}>⚙</button>
        <button type="button" class="lock" onClick={onLock}>{t('lock')}</button>
      </div>
      {capture && panel.kind === 'list' && (
        <CapturePanel api={api} t={t} capture={capture}
          onDone={(text) => { setCapture(null); void reload(); if (text) setToast({ text }); }} />
      )}
      {!capture && pick && panel.kind === 'list' && (
        <PickPanel api={api} t={t} pick={pick} accounts={data.accounts}
          onDone={(filled) => { setPick(null); void reload(); if (filled) setToast({ text: t('pickFilled', pick.host) }); }} />
      )}
      {!capture && !pick && panel.kind === 'list' && (
        <>
          {data.currentSite?.lookalike && <LookalikeWarning t={t} lookalike={data.currentSite.lookalike} />}
          {data.currentSite && currentIds.length > 0 && !query && (
            <p class="site-note">{t('thisSite', new URL(data.currentSite.origin).host)}</p>
          )}
          {query && shown.length === 0 && data.accounts.length > 0 ? (
            <p class="empty">{t('searchNone')}</p>
          ) : (
            <AccountList api={api} t={t} accounts={shown} currentIds={currentIds}
              onCopied={() => setToast({ text: t('copied') })}
              onOpen={(account) => setPanel({ kind: 'detail', id: account.id })}
              onReordered={reload} />
          )}
          <button type="button" class="link trash-link" onClick={() => setPanel({ kind: 'trash' })}>{t('trashTitle')}</button>
        </>
      )}
      {panel.kind === 'add' && (
        <AddPanel api={api} t={t} onClose={() => setPanel({ kind: 'list' })}
          onAdded={(text) => { setToast({ text }); setPanel({ kind: 'list' }); void reload(); }} />
      )}
      {detail && (
        <AccountDetail api={api} t={t} account={detail} onChanged={reload} onDeleted={deleted}
          currentOrigin={data.currentSite?.ids.includes(detail.id) ? data.currentSite.origin : null}
          onClose={() => setPanel({ kind: 'list' })} />
      )}
      {panel.kind === 'trash' && <Trash api={api} t={t} onRestored={reload} onClose={() => setPanel({ kind: 'list' })} />}
      <Toast toast={toast} t={t} onClose={closeToast} />
    </>
  );
}
