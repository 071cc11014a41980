import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type {
  AccountList as AccountListData,
  AccountView,
  CapturePending,
  CodeView,
  PendingPick,
} from '../shared/protocol';
import { errorText, isLocked, type PopupApi, type Translate } from './api';
import { AccountList } from './account-list';
import { AccountDetail } from './account-detail';
import { AddPanel } from './add-panel';
import { Toast, type ToastState } from './toast';
import { groupCode, visibleAccounts } from './order';
import { Trash } from './trash';
import { PickPanel } from './pick-panel';
import { LookalikeWarning } from './lookalike-warning';
import { CapturePanel } from './capture-panel';
import { EmptyVault } from './empty-vault';
import { Icon } from './icons';
import { hostName } from './host-name';
import { ClockNotice } from './clock-notice';

type Panel = { kind: 'list' } | { kind: 'add' } | { kind: 'detail'; id: string } | { kind: 'trash' };

/** The unlocked popup: search, this site's accounts first, the list, and the add/edit/trash panels. */
export function VaultView({
  api,
  t,
  initial,
  total = initial.accounts.length,
  initialCodes,
  onLock,
  onLockedElsewhere,
  closePopup,
  takeFocus = false,
}: {
  api: PopupApi;
  t: Translate;
  /** The list, or (popup/open) only the rows shown first, in vault order: then `total` says how many there are. */
  initial: AccountListData;
  total?: number;
  /** The first rows' codes that came with `initial` (popup/open), so the first paint shows them. */
  initialCodes?: CodeView[] | undefined;
  onLock(): void;
  /** The vault locked behind the popup (idle, screen lock, an options tab): App shows the unlock form. */
  onLockedElsewhere(): void;
  /** Closes the popup window after a pick (main.tsx: window.close; absent in tests). */
  closePopup?: (() => void) | undefined;
  /** Opened by an unlock or a first run just done: the focus goes to the first account (or the search). */
  takeFocus?: boolean;
}) {
  const [pick, setPick] = useState<PendingPick | null>(null);
  const [capture, setCapture] = useState<CapturePending | null>(null);
  const [data, setData] = useState(initial);
  const [query, setQuery] = useState('');
  const [panel, setPanel] = useState<Panel>({ kind: 'list' });
  const [toast, setToast] = useState<ToastState | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const trashLink = useRef<HTMLButtonElement>(null);
  // Where the keyboard focus goes back to when a panel closes (it would fall to <body> with the panel):
  // the account's row (AccountList takes it once the row is there), or the button that opened the panel.
  const [focusId, setFocusId] = useState<string | null>(null);
  const returnTo = useRef<'add' | 'trash' | null>(null);
  const closePanel = (to: { id: string } | 'add' | 'trash' | null) => {
    setPanel({ kind: 'list' });
    if (to && typeof to === 'object') setFocusId(to.id);
    else returnTo.current = to;
  };
  useEffect(() => {
    if (panel.kind !== 'list' || !returnTo.current) return;
    const to = returnTo.current;
    returnTo.current = null;
    ((to === 'trash' && trashLink.current) || (to === 'add' && addButton.current) || search.current)?.focus();
  }, [panel.kind]);
  useEffect(() => {
    if (takeFocus)
      (document.querySelector<HTMLElement>('.accounts button.copy[tabindex="0"]') ?? search.current)?.focus();
  }, []);
  // "Recently deleted" shows only when something is there; asked after the first codes, not before.
  const [trashCount, setTrashCount] = useState(0);
  useEffect(() => {
    // A trash that cannot be read (locked meanwhile) has nothing to show.
    const timer = window.setTimeout(
      () =>
        api.trash().then(
          (items) => setTrashCount(items.length),
          () => setTrashCount(0),
        ),
      300,
    );
    return () => window.clearTimeout(timer);
  }, [api]);
  // Bumped when the clock correction is turned on: the list remounts and asks for the corrected codes.
  const [clockKey, setClockKey] = useState(0);
  // The opening's codes are for the list's first mount only: a list mounted again (after a panel, a
  // clock correction) asks for codes that are current then (an HOTP counter may have moved meanwhile).
  const opened = useRef(initialCodes);
  useLayoutEffect(() => {
    opened.current = undefined;
  }, []);

  // Only the first rows came with popup/open: the full list (search, scrolling, reorder, a pick) is
  // asked for after the first paint (effects run after it), so its transfer never delays the first code.
  const [complete, setComplete] = useState(initial.accounts.length >= total);
  const reload = useCallback(async () => {
    try {
      setData(await api.list());
      setComplete(true);
    } catch (failure) {
      setToast({ text: errorText(t, failure) });
    }
  }, [api, t]);
  useEffect(() => {
    if (!complete) void reload();
  }, []);

  // Opened by the in-field button on a page: offer that page's accounts first of all.
  useEffect(() => {
    // No pick pending or the background unreachable: nothing to ask.
    api.pendingPick().then(setPick, () => setPick(null));
    // Opened by a click on a QR read from a screenshot of the page: ask before adding it.
    api.capturePending().then(setCapture, () => setCapture(null));
  }, [api]);

  // "/" jumps to the search only from the list: on an edit form, the Add panel or the trash it would
  // throw away what is open there, unsaved edits included (focus on one of its buttons, not a field).
  const onList = panel.kind === 'list';
  useEffect(() => {
    if (!onList) return;
    const onKey = (event: KeyboardEvent) => {
      const typing = (event.target as HTMLElement | null)?.closest('input, textarea, select');
      if (event.key === '/' && !typing) {
        event.preventDefault();
        search.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onList]);

  const currentIds = data.currentSite?.ids ?? [];
  const shown = visibleAccounts(data.accounts, query, currentIds);
  const closeToast = useCallback(() => setToast(null), []);
  // The open account is looked up in the latest list, so edits made inside the panel show at once.
  const detail = panel.kind === 'detail' ? data.accounts.find((a) => a.id === panel.id) : undefined;
  // Deleted elsewhere (an options tab, another popup, a restore point) while open here: nothing to
  // show or save any more, so back to the list with a word why (a layout effect: no blank frame).
  const gone = panel.kind === 'detail' && !detail;
  useLayoutEffect(() => {
    if (!gone) return;
    setPanel({ kind: 'list' });
    setToast({ text: t('accountGone') });
  }, [gone, t]);

  // A copy that failed says why. An HOTP code already used up is shown (kept until closed): the
  // counter moved on, so it is shown nowhere else. A vault locked meanwhile shows the unlock form.
  const copyFailed = (failure: unknown, taken?: string) => {
    if (taken) return setToast({ text: t('copyFailedCode', [errorText(t, failure), groupCode(taken)]), keep: true });
    if (isLocked(failure)) return onLockedElsewhere();
    setToast({ text: errorText(t, failure) });
    // Deleted elsewhere: the list catches up.
    if ((failure as { code?: unknown } | null)?.code === 'vault/not-found') void reload();
  };

  const deleted = (account: AccountView) => {
    // The focus goes to the account after it in the list (or before it, for the last one).
    const at = shown.findIndex((a) => a.id === account.id);
    const neighbour = shown[at + 1] ?? shown[at - 1];
    closePanel(neighbour ? { id: neighbour.id } : null);
    setTrashCount((n) => n + 1);
    void reload();
    // A restore that fails (the vault locked meanwhile, storage full) says why, and keeps Undo.
    // One that works gives the focus to the account restored (Undo goes with the toast).
    const undo = () =>
      void api.restore(account.id).then(
        async () => {
          await reload();
          setFocusId(account.id);
        },
        (failure: unknown) => setToast({ text: errorText(t, failure), undo }),
      );
    setToast({ text: t('deleted', account.issuer || account.account || t('noIssuer')), undo });
  };

  return (
    <>
      <div class="toolbar">
        <input
          ref={search}
          type="search"
          class="search"
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          aria-keyshortcuts="/"
        />
        <button
          type="button"
          class="icon"
          ref={addButton}
          onClick={() => setPanel({ kind: 'add' })}
          aria-label={t('addTitle')}
          title={t('addTitle')}
        >
          <Icon name="plus" />
        </button>
        <button
          type="button"
          class="icon"
          onClick={() => api.openOptions()}
          aria-label={t('settings')}
          title={t('settings')}
        >
          <Icon name="gear" />
        </button>
        <button type="button" class="icon lock" onClick={onLock} aria-label={t('lock')} title={t('lock')}>
          <Icon name="lock" />
        </button>
      </div>
      {capture && panel.kind === 'list' && (
        <CapturePanel
          api={api}
          t={t}
          capture={capture}
          onDone={(text) => {
            setCapture(null);
            void reload();
            if (text) setToast({ text });
          }}
        />
      )}
      {!capture && pick && complete && panel.kind === 'list' && (
        <PickPanel
          api={api}
          t={t}
          pick={pick}
          accounts={data.accounts}
          query={query}
          onDone={(filled) => {
            setPick(null);
            void reload();
            if (!filled) return;
            setToast({ text: t('pickFilled', hostName(pick.host)) });
            // The code is in the page's field: the popup has done its job.
            if (closePopup) window.setTimeout(closePopup, 700);
          }}
        />
      )}
      {!capture && !pick && panel.kind === 'list' && (
        <>
          {data.currentSite?.lookalike && <LookalikeWarning t={t} lookalike={data.currentSite.lookalike} />}
          <ClockNotice api={api} t={t} onCorrected={() => setClockKey((k) => k + 1)} />
          {data.currentSite && currentIds.length > 0 && !query && (
            <p class="site-note">{t('thisSite', new URL(data.currentSite.origin).hostname)}</p>
          )}
          {data.accounts.length === 0 ? (
            <EmptyVault t={t} onAdd={() => setPanel({ kind: 'add' })} onImport={() => api.openOptions('import')} />
          ) : query && !complete ? (
            // A search looks at every account: it waits for the full list (a few ms after the first paint).
            <p class="status" role="status">
              {t('loading')}
            </p>
          ) : query && shown.length === 0 ? (
            <p class="empty">{t('searchNone')}</p>
          ) : (
            <AccountList
              key={clockKey}
              api={api}
              t={t}
              accounts={shown}
              all={data.accounts}
              currentIds={currentIds}
              initialCodes={opened.current}
              total={complete ? undefined : total}
              onCopied={(_code, next, left) =>
                setToast({ text: next ? t('copiedNext', String(left ?? 0)) : t('copied') })
              }
              onFailed={copyFailed}
              onOpen={(account) => setPanel({ kind: 'detail', id: account.id })}
              onReordered={reload}
              focusId={focusId}
              onFocusTaken={() => setFocusId(null)}
            />
          )}
          {trashCount > 0 && (
            // A delete's Undo is stale once the trash is open (Restore is there): the toast goes.
            <button
              type="button"
              class="link trash-link"
              ref={trashLink}
              onClick={() => {
                setToast(null);
                setPanel({ kind: 'trash' });
              }}
            >
              {t('trashTitle')}
            </button>
          )}
        </>
      )}
      {panel.kind === 'add' && (
        <AddPanel
          api={api}
          t={t}
          onClose={() => closePanel('add')}
          onAdded={(text) => {
            setToast({ text });
            closePanel('add');
            void reload();
          }}
        />
      )}
      {detail && (
        <AccountDetail
          api={api}
          t={t}
          account={detail}
          onChanged={reload}
          onDeleted={deleted}
          currentOrigin={data.currentSite?.ids.includes(detail.id) ? data.currentSite.origin : null}
          onClose={() => closePanel({ id: detail.id })}
        />
      )}
      {panel.kind === 'trash' && (
        <Trash
          api={api}
          t={t}
          onRestored={() => {
            setTrashCount((n) => Math.max(0, n - 1));
            void reload();
          }}
          onClose={() => closePanel('trash')}
        />
      )}
      <Toast toast={toast} t={t} onClose={closeToast} />
    </>
  );
}
