import { useState } from 'preact/hooks';
import type { CapturePending } from '../shared/protocol';
import { logger } from '../shared/logger';
import { errorText, type PopupApi, type Translate } from './api';
import { hostName } from './host-name';
import { accountName } from './account-name';

const log = logger('capture-panel');

interface CaptureProps {
  api: PopupApi;
  t: Translate;
  capture: CapturePending;
  /** Closed; `text` is what to tell the user (empty when declined). */
  onDone(text: string): void;
}

/**
 * A Google Authenticator export clicked on a page (many accounts at once) is asked about here too,
 * named as an export, added bound to no site.
 *
 * A QR on a page was read from a screenshot of the tab (the page itself could not read it), so it
 * may be another site's: the page can paint a foreign image under an empty element. The user decides
 * here, in our own UI, never by a click on the page. The site the page is on is named prominently;
 * the key is added bound to no site unless "Use it on <site>" is ticked, which starts unticked.
 *
 * A QR clicked in a frame another site embeds (which may have hidden the frame under its own page) is
 * asked about here as well, naming that site; it is bound as a click on the page binds it, so there is
 * no "Use it on" choice. When it is a new key for an account the user has on that site (issue 13), the
 * page's own question is asked here instead: "Replace" (the old one goes to the trash) or "Keep both".
 */
export function CapturePanel({ api, t, capture, onDone }: CaptureProps) {
  const [bind, setBind] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const name = accountName(capture);
  // Only a captured key's binding is the user's to choose (an export is never bound; a framed QR as on its page).
  const choice = capture.captured && !capture.batch;
  const old = capture.replaces && (accountName(capture.replaces) || t('noIssuer'));
  const add = async (reenroll?: 'replace' | 'keep') => {
    setBusy(true);
    try {
      const result = await api.captureAccept(capture.token, bind && choice, reenroll);
      if (result.count === 0) return onDone(t('captureDuplicate'));
      if (old) return onDone(t(reenroll === 'replace' ? 'enrollReplaced' : 'enrollKeptBoth', old));
      onDone(result.bound ? t('captureAddedBound', capture.site) : t('captureAdded'));
    } catch (failure) {
      setBusy(false);
      setError(errorText(t, failure));
    }
  };
  const reject = () => {
    void api.captureReject(capture.token).catch((error: unknown) => log.warn('reject', error));
    onDone('');
  };
  return (
    <section class="panel capture" aria-labelledby="capture-title" data-testid="capture-panel">
      <h2 id="capture-title">{t('captureTitle', capture.host)}</h2>
      <p class="site-name" data-testid="capture-site">
        <strong>{capture.site}</strong>
      </p>
      {capture.captured && (
        <p class="warning" role="note">
          {t('captureWarning', capture.site)}
        </p>
      )}
      {capture.framedBy !== null && (
        <p class="warning" role="note" data-testid="capture-framed">
          {capture.framedBy
            ? t('captureFramed', [capture.site, hostName(capture.framedBy)])
            : t('captureFramedUnknown', capture.site)}
        </p>
      )}
      <p>{capture.batch ? t('captureKeys', String(capture.count)) : t('captureKey', name || t('noIssuer'))}</p>
      {old && <p data-testid="capture-replaces">{t('enrollReplaceAsk', old)}</p>}
      {choice && (
        <>
          <label class="check">
            <input
              type="checkbox"
              checked={bind}
              onChange={(e) => setBind(e.currentTarget.checked)}
              aria-describedby="capture-bind-hint"
            />
            {t('captureBind', capture.site)}
          </label>
          <p class="hint" id="capture-bind-hint">
            {t('captureBindHint', capture.site)}
          </p>
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        {old ? (
          <>
            <button type="button" disabled={busy} onClick={() => void add('replace')}>
              {t('enrollReplace')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => void add('keep')}>
              {t('enrollKeepBoth')}
            </button>
          </>
        ) : (
          <button type="button" disabled={busy} onClick={() => void add()}>
            {t('captureAdd')}
          </button>
        )}
        <button type="button" class="secondary" disabled={busy} onClick={reject}>
          {t('cancel')}
        </button>
      </div>
    </section>
  );
}
