import { useEffect, useState } from 'preact/hooks';
import type { Translate } from './api';

/** The host permission check and request (src/platform/site-access.ts), passed in by main.tsx. */
export interface SiteAccessPort {
  has(): Promise<boolean>;
  request(): Promise<boolean>;
}

/**
 * Says so when the extension may not read web sites (Firefox lets the user withhold the host
 * permission) and asks for it on a click: without it no QR is found and no code is filled.
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/User_actions
 */
export function SiteAccessNotice({ t, access }: { t: Translate; access: SiteAccessPort }) {
  const [missing, setMissing] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    access.has().then(
      (granted) => setMissing(!granted),
      // The permission API refused (no such permission in this browser): the notice says it failed.
      () => setFailed(true),
    );
  }, [access]);

  if (!missing)
    return failed ? (
      <p class="error" role="alert">
        {t('siteAccessUnknown')}
      </p>
    ) : null;
  return (
    <div class="site-access" role="status" data-testid="site-access">
      <p class="hint">{t('siteAccessMissing')}</p>
      {/* request() first thing in the click handler: Firefox needs the user gesture to still be live. A refusal: the notice says it failed. */}
      <button
        type="button"
        onClick={() =>
          void access.request().then(
            (granted) => setMissing(!granted),
            () => setFailed(true),
          )
        }
      >
        {t('siteAccessGrant')}
      </button>
    </div>
  );
}
