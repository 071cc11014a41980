import { useState } from 'preact/hooks';
import type { AccountView } from '../shared/protocol';
import { errorText, type PopupApi, type Translate } from './api';
import { closeOnEscape, usePanelHeading } from './panel-focus';

/**
 * Shows the account as a QR code to move it to a phone. This reveals the secret, so the master
 * password is asked again; the QR encoder is loaded only here (it is not in the popup's main bundle).
 */
export function ShowQr({
  api,
  t,
  account,
  onClose,
}: {
  api: PopupApi;
  t: Translate;
  account: AccountView;
  onClose(): void;
}) {
  const [password, setPassword] = useState('');
  const [image, setImage] = useState('');
  const [error, setError] = useState('');
  const heading = usePanelHeading();

  async function reveal(event: Event) {
    event.preventDefault();
    setError('');
    try {
      const { uri } = await api.exportUri(account.id, password);
      const { toDataURL } = await import('qrcode');
      setImage(await toDataURL(uri, { errorCorrectionLevel: 'M', margin: 4, scale: 5 }));
      setPassword('');
      // The form (and its button that had the focus) goes: the focus goes back to the panel.
      heading.current?.focus();
    } catch (failure) {
      setError(errorText(t, failure));
    }
  }

  return (
    <section class="panel" aria-labelledby="qr-title" onKeyDown={closeOnEscape(onClose)}>
      <h2 id="qr-title" tabIndex={-1} ref={heading}>
        {t('showQrTitle')}
      </h2>
      <p class="qr-name" data-testid="qr-name">
        {account.issuer || t('noIssuer')}
        {account.account && <span class="name"> · {account.account}</span>}
      </p>
      {image ? (
        <img src={image} alt={t('qrAlt', account.issuer || account.account)} class="qr" data-testid="account-qr" />
      ) : (
        <form onSubmit={reveal} class="add">
          <p class="hint">{t('showQrWarning')}</p>
          <label>
            {t('unlockPassword')}
            <input
              type="password"
              autocomplete="current-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </label>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" disabled={!password}>
            {t('showQr')}
          </button>
        </form>
      )}
      <button type="button" class="secondary" onClick={onClose}>
        {t('back')}
      </button>
    </section>
  );
}
