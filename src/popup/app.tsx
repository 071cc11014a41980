import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AccountList, AppInfo, VaultState } from '../shared/protocol';
import { errorText, type PopupApi, type Translate } from './api';
import { SetupForm, UnlockForm } from './password-forms';
import { VaultView } from './vault-view';
import { SiteAccessNotice, type SiteAccessPort } from './site-access-notice';

export type { PopupApi, Translate } from './api';

/** The popup: first run (create the master password), locked (unlock), or the unlocked vault. */
export function App({ api, t, siteAccess }: { api: PopupApi; t: Translate; siteAccess?: SiteAccessPort }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [state, setState] = useState<VaultState | null>(null);
  const [list, setList] = useState<AccountList | null>(null);
  const [failure, setFailure] = useState('');

  const refresh = useCallback(async () => {
    try {
      const status = await api.status();
      setList(status.state === 'unlocked' ? await api.list() : null);
      setState(status.state);
    } catch (error) {
      setFailure(errorText(t, error));
    }
  }, [api, t]);

  useEffect(() => {
    // The background unreachable: the popup says so.
    api.info().then(setInfo, () => setFailure(t('errorBackgroundUnavailable')));
    void refresh();
  }, [api, refresh, t]);

  const after = (action: Promise<unknown>) => action.then(refresh);

  return (
    <>
      <header>
        <h1>{info?.name ?? t('extName')}</h1>
        {info && <span class="version" aria-label={t('versionLabel', info.version)}>{info.version}</span>}
      </header>
      {siteAccess && <SiteAccessNotice t={t} access={siteAccess} />}
      {failure && <p class="error" role="alert" data-testid="status">{failure}</p>}
      {!failure && state === null && <p class="status" role="status" data-testid="status">{t('loading')}</p>}
      {state === 'empty' && <SetupForm t={t} onSubmit={(password) => after(api.create(password))} />}
      {state === 'locked' && <UnlockForm t={t} onSubmit={(password) => after(api.unlock(password))} />}
      {state === 'unlocked' && list && <VaultView api={api} t={t} initial={list} onLock={() => void after(api.lock())} />}
    </>
  );
}
