import { useState } from 'preact/hooks';
import type { AccountView } from '../shared/protocol';
import { errorText, type PopupApi, type Translate } from './api';
import { closeOnEscape, usePanelHeading } from './panel-focus';

/** What the QR library says when no QR version holds the data at the level asked. */
const TOO_MUCH = /amount of data/i;

/**
 * The QR of `uri` as an image: at level M (it survives a glare or a smudge on the screen), else at
 * level L, which holds about a quarter more (a long key with long non-ASCII names, percent-encoded);
 * null when no QR holds it. `modules`: its width in modules, quiet zone included.
 */
async function qrImage(uri: string): Promise<{ src: string; modules: number } | null> {
  const QRCode = await import('qrcode');
  for (const errorCorrectionLevel of ['M', 'L'] as const) {
    let qr: ReturnType<typeof QRCode.create>;
    try {
      qr = QRCode.create(uri, { errorCorrectionLevel });
    } catch (failure) {
      if (failure instanceof Error && TOO_MUCH.test(failure.message)) continue;
      throw failure;
    }
    const src = await QRCode.toDataURL(uri, { errorCorrectionLevel, margin: 4, scale: 5 });
    return { src, modules: qr.modules.size + 8 };
  }
  return null;
}

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
  const [image, setImage] = useState<{ src: string; modules: number } | null>(null);
  const [error, setError] = useState('');
  const heading = usePanelHeading();

  async function reveal(event: Event) {
    event.preventDefault();
    setError('');
    try {
      const { uri } = await api.exportUri(account.id, password);
      const qr = await qrImage(uri);
      if (!qr) return setError(t('showQrTooLong'));
      setImage(qr);
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
        <img
          src={image.src}
          alt={t('qrAlt', account.issuer || account.account)}
          // A dense QR (over 100 modules across: under 2 pixels a module at 200 pixels) takes the panel's width.
          class={image.modules > 100 ? 'qr dense' : 'qr'}
          data-testid="account-qr"
        />
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
