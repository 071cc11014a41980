import { useState } from 'preact/hooks';
import type { AccountView, PendingPick } from '../shared/protocol';
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
 * "Always use this account on this site" binds an unbound one, so the next login fills by itself.
 */
export function PickPanel({ api, t, pick, accounts, onDone }: PickProps) {
  const [always, setAlways] = useState(true);
  const [error, setError] = useState('');
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const offered = pick.ids.map((id) => byId.get(id)).filter((a): a is AccountView => a !== undefined);
  const choose = async (account: AccountView) => {
    try {
      const { filled } = await api.pick(account.id, always);
      if (!filled) return setError(t('pickNotFilled'));
      onDone(true);
    } catch (failure) {
      setError(errorText(t, failure));
    }
  };
  return (
    <section class="panel pick" aria-labelledby="pick-title">
      <h2 id="pick-title">{t('pickTitle', pick.host)}</h2>
      {offered.length === 0 && <p class="empty">{t('pickNone', pick.host)}</p>}
      <ul class="pick-list">
        {offered.map((account) => (
          <li key={account.id}>
            <button type="button" class="secondary pick-account" data-testid="pick-account" onClick={() => void choose(account)}>
              <span class="issuer">{account.issuer || t('noIssuer')}</span> <span class="name">{account.account}</span>
            </button>
          </li>
        ))}
      </ul>
      {offered.some((a) => pick.unbound.includes(a.id)) && (
        <label class="check">
          <input type="checkbox" checked={always} onChange={(e) => setAlways(e.currentTarget.checked)} />
          {t('pickAlways', pick.host)}
        </label>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      <button type="button" class="secondary" onClick={() => onDone(false)}>{t('cancel')}</button>
    </section>
  );
}
