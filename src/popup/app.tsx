import { useEffect, useState } from 'preact/hooks';
import type { AppInfo } from '../shared/protocol';

/** What the popup needs from the background; the real one sends messages, tests pass a fake. */
export interface PopupApi {
  info(): Promise<AppInfo>;
}

export type Translate = (key: string, substitutions?: string | string[]) => string;

export function App({ api, t }: { api: PopupApi; t: Translate }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    api.info().then(setInfo, () => setFailed(true));
  }, [api]);

  return (
    <>
      <header>
        <h1>{info?.name ?? t('extName')}</h1>
        {info && <span class="version" aria-label={t('versionLabel', info.version)}>{info.version}</span>}
      </header>
      <p class="status" role="status" data-testid="status">
        {failed ? t('errorBackgroundUnavailable') : info ? t('popupReady') : t('loading')}
      </p>
    </>
  );
}
