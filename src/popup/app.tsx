import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AppInfo, PopupOpen, VaultState } from '../shared/protocol';
import { errorText, type PopupApi, type Translate } from './api';
import { SetupForm, UnlockForm } from './password-forms';
import { VaultView } from './vault-view';
import { SiteAccessNotice, type SiteAccessPort } from './site-access-notice';
import { VaultNotices, type NoticesPort } from './vault-notices';

export type { PopupApi, Translate } from './api';

/**
 * The popup: first run (create the master password), locked (unlock), or the unlocked vault. `opening`
 * is the `popup/open` answer main.tsx asked for before preact loaded (./open-early.ts); the first
 * refresh takes it, every later one (after unlock, create, lock) asks again. It brings the first rows
 * only; the vault view asks for the full list after its first paint. `answered` is that answer when it
 * was already there at mount: the first render draws the vault at once, with no first refresh.
 */
export function App({
  api,
  t,
  siteAccess,
  closePopup,
  notices,
  opening,
  answered,
  manifest,
  lockSignal,
}: {
  api: PopupApi;
  t: Translate;
  siteAccess?: SiteAccessPort;
  closePopup?: () => void;
  notices?: NoticesPort;
  opening?: Promise<PopupOpen> | undefined;
  answered?: PopupOpen | undefined;
  /** The name and version from the popup's own manifest: the header is right from the first render. */
  manifest?: AppInfo | undefined;
  /** Calls its listener when the vault locks behind the popup; returns the call that stops listening. */
  lockSignal?: (listener: () => void) => () => void;
}) {
  const [info, setInfo] = useState<AppInfo | null>(manifest ?? null);
  // With the answer there at mount, one render draws the vault (issue 16): a first render of
  // "Loading…" and a second one from the first refresh cost ~1 ms more before the first code, and the
  // second render ran App's effects (app/info's message) before the codes were drawn.
  const [state, setState] = useState<VaultState | null>(answered?.status.state ?? null);
  const [open, setOpen] = useState<PopupOpen['unlocked']>(answered?.unlocked ?? null);
  const [failure, setFailure] = useState('');
  const early = useRef(answered ? undefined : opening);
  const refreshed = useRef(answered !== undefined);

  // One round trip: status, list and the first rows' codes, so the vault view's first paint has codes.
  const refresh = useCallback(async () => {
    const pending = early.current ?? api.open();
    early.current = undefined;
    try {
      const answer = await pending;
      setOpen(answer.unlocked);
      setState(answer.status.state);
    } catch (error) {
      setFailure(errorText(t, error));
    }
  }, [api, t]);

  // The first refresh takes the answer as soon as it is there: a layout effect runs in the task of the
  // first render, where an effect would wait for the first paint and the frame after it (~10 ms).
  useLayoutEffect(() => {
    if (refreshed.current) refreshed.current = false;
    else void refresh();
  }, [refresh]);
  // Locked elsewhere (another window's Lock, auto-lock, the screen locking): the codes go at once.
  useEffect(() => lockSignal?.(() => void refresh()), [lockSignal, refresh]);
  useEffect(() => {
    // The background unreachable: the popup says so.
    api.info().then(setInfo, () => setFailure(t('errorBackgroundUnavailable')));
  }, [api, t]);

  const after = (action: Promise<unknown>) => action.then(refresh);
  // Set by a password entered here (unlock, first run): the vault view then takes the focus from the
  // form that goes (it would fall to <body>). A popup opened unlocked leaves the focus alone.
  const entered = useRef(false);
  const enter = (action: () => Promise<unknown>) => {
    entered.current = true;
    return after(action());
  };

  return (
    <>
      <header>
        <h1>{info?.name ?? t('extName')}</h1>
        {info && (
          <span class="version" aria-label={t('versionLabel', info.version)}>
            {info.version}
          </span>
        )}
      </header>
      {siteAccess && <SiteAccessNotice t={t} access={siteAccess} />}
      {failure && (
        <p class="error" role="alert" data-testid="status">
          {failure}
        </p>
      )}
      {!failure && state === null && (
        <p class="status" role="status" data-testid="status">
          {t('loading')}
        </p>
      )}
      {state === 'empty' && <SetupForm t={t} onSubmit={(password) => enter(() => api.create(password))} />}
      {state === 'locked' && <UnlockForm t={t} onSubmit={(password) => enter(() => api.unlock(password))} />}
      {state === 'unlocked' && notices && <VaultNotices port={notices} t={t} />}
      {state === 'unlocked' && open && (
        <VaultView
          api={api}
          t={t}
          initial={open.first}
          total={open.total}
          initialCodes={open.codes}
          onLock={() => void after(api.lock())}
          onLockedElsewhere={() => void refresh()}
          closePopup={closePopup}
          takeFocus={entered.current}
        />
      )}
    </>
  );
}
