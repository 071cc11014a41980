import { useState } from 'preact/hooks';
import type { AccountView, PendingPick } from '../shared/protocol';
// Straight from the file: core/site's index pulls in the public-suffix list (tldts, 110 KB gzip).
import { issuerRelatesToHost } from '../core/site/related';
import { errorText, type PopupApi, type Translate } from './api';

interface PickProps {
  api: PopupApi;
  t: Translate;
  pick: PendingPick;
  accounts: AccountView[];
  onDone(filled: boolean): void;
}

/**
 * The in-field button opened the popup: pick the account whose code goes into that page's field.
 * Only the site's own accounts and accounts bound to no site are offered (never another site's);
 * "Always use this account on this site" binds an unbound one, so the next login fills by itself;
 * it starts ticked only when an offered unbound account's issuer names the site (a lookalike host
 * does not), since a bound account's codes are then filled there without asking.
 */
export function PickPanel({ api, t, pick, accounts, onDone }: PickProps) {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const offered = pick.ids.map((id) => byId.get(id)).filter((a): a is AccountView => a !== undefined);
  const unbound = offered.filter((a) => pick.unbound.includes(a.id));
  const [always, setAlways] = useState(() => unbound.some((a) => issuerRelatesToHost(a.issuer, pick.host)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const choose = async (account: AccountView) => {
    setBusy(true);
    try {
      const { filled } = await api.pick(account.id, always);
      if (!filled) return setError(t('pickNotFilled'));
      onDone(true);
    } catch (failure) {
      setError(errorText(t, failure));
    }
  };
  const cancel = () => {
    void api.cancelPick().catch(() => undefined);
    onDone(false);
  };
  return (
    <section class="panel pick" aria-labelledby="pick-title">
      <h2 id="pick-title">{t('pickTitle', pick.host)}</h2>
      {offered.length === 0 && <p class="empty">{t('pickNone', pick.host)}</p>}
      <ul class="pick-list">
        {offered.map((account) => (
          <li key={account.id}>
            <button type="button" class="secondary pick-account" data-testid="pick-account" disabled={busy} onClick={() => void choose(account)}>
              <span class="issuer">{account.issuer || t('noIssuer')}</span> <span class="name">{account.account}</span>
            </button>
          </li>
        ))}
      </ul>
      {unbound.length > 0 && (
        <>
          <label class="check">
            <input type="checkbox" checked={always} onChange={(e) => setAlways(e.currentTarget.checked)} aria-describedby="pick-always-hint" />
            {t('pickAlways', pick.host)}
          </label>
          <p class="hint" id="pick-always-hint">{t('pickAlwaysHint', pick.host)}</p>
        </>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      <button type="button" class="secondary" onClick={cancel}>{t('cancel')}</button>
    </section>
  );
}
