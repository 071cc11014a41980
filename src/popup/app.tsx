import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AccountView, AppInfo, VaultState } from '../shared/protocol';
import { errorText, type PopupApi, type Translate } from './api';
import { SetupForm, UnlockForm } from './password-forms';
import { AccountList } from './account-list';
import { AddByUri } from './add-by-uri';

export type { PopupApi, Translate } from './api';

export function App({ api, t }: { api: PopupApi; t: Translate }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [state, setState] = useState<VaultState | null>(null);
  const [accounts, setAccounts] = useState<AccountView[]>([]);
  const [failure, setFailure] = useState('');

  const refresh = useCallback(async () => {
    try {
      const status = await api.status();
      if (status.state === 'unlocked') setAccounts(await api.list());
      setState(status.state);
    } catch (error) {
      setFailure(errorText(t, error));
    }
  }, [api, t]);

  useEffect(() => {
    api.info().then(setInfo, () => setFailure(t('errorBackgroundUnavailable')));
    void refresh();
  }, [api, refresh, t]);

  const after = (action: Promise<unknown>) => action.then(refresh);

  return (
    <>
      <header>
        <h1>{info?.name ?? t('extName')}</h1>
        {info && <span class="version" aria-label={t('versionLabel', info.version)}>{info.version}</span>}
        {state === 'unlocked' && (
          <button type="button" class="lock" onClick={() => after(api.lock())}>{t('lock')}</button>
        )}
      </header>
      {failure && <p class="error" role="alert" data-testid="status">{failure}</p>}
      {!failure && state === null && <p class="status" role="status" data-testid="status">{t('loading')}</p>}
      {state === 'empty' && <SetupForm t={t} onSubmit={(password) => after(api.create(password))} />}
      {state === 'locked' && <UnlockForm t={t} onSubmit={(password) => after(api.unlock(password))} />}
      {state === 'unlocked' && (
        <>
          <AccountList api={api} t={t} accounts={accounts} />
          <AddByUri t={t} onAdd={(uri) => after(api.addUri(uri))} />
        </>
      )}
    </>
  );
}
