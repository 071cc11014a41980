import { useState } from 'preact/hooks';
import type { AccountView, PendingPick } from '../shared/protocol';
import { logger } from '../shared/logger';
import { addedText } from './added-text';
import { errorText, type PopupApi, type Translate } from './api';

const log = logger('pick-panel');
import { LookalikeWarning } from './lookalike-warning';
import { matchesQuery } from './order';
import { hostName } from './host-name';
import { accountName } from './account-name';

interface PickProps {
  api: PopupApi;
  t: Translate;
  pick: PendingPick;
  accounts: AccountView[];
  /** The toolbar's search: narrows the offered accounts. */
  query?: string;
  onDone(filled: boolean): void;
}

/**
 * The in-field button opened the popup: pick the account whose code goes into that page's field.
 * Only the site's own accounts and accounts bound to no site are offered (never another site's).
 * The page's site (registrable domain, from the background: the popup does not load the public-suffix
 * list) is shown first, since "Always use this account on this site" binds the account to it and its
 * codes are then filled there without asking. That box never starts ticked: binding is the user's
 * explicit choice. When the site looks like another account's site (a lookalike), a warning says so,
 * sits next to the box, and filling needs a second confirmation. When another site embeds the page's
 * frame (the button's click in such a frame always comes here), a warning names that site.
 */
export function PickPanel({ api, t, pick, accounts, query = '', onDone }: PickProps) {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const offered = pick.ids.map((id) => byId.get(id)).filter((a): a is AccountView => a !== undefined);
  const unbound = offered.filter((a) => pick.unbound.includes(a.id));
  const shown = offered.filter((a) => matchesQuery(a, query));
  const groups = [
    { key: 'site', title: t('pickGroupSite', pick.site), items: shown.filter((a) => !pick.unbound.includes(a.id)) },
    { key: 'unbound', title: t('pickGroupNoSite'), items: shown.filter((a) => pick.unbound.includes(a.id)) },
  ].filter((group) => group.items.length > 0);
  // Two offered accounts that read the same (a new key kept beside the old one): each says where and
  // when it was added, so the user can tell which is which.
  const label = (a: AccountView) => `${a.issuer}\n${a.account}`;
  const alike = new Set(
    offered.filter((a, i) => offered.some((b, j) => i !== j && label(a) === label(b))).map((a) => a.id),
  );
  const [always, setAlways] = useState(false);
  const [confirming, setConfirming] = useState<AccountView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const fill = async (account: AccountView, despiteLookalike: boolean) => {
    setBusy(true);
    try {
      const { filled } = await api.pick({ pickId: pick.id, id: account.id, always, despiteLookalike });
      if (!filled) return setError(t('pickNotFilled'));
      onDone(true);
    } catch (failure) {
      setError(errorText(t, failure));
    } finally {
      setBusy(false);
    }
  };
  const choose = (account: AccountView) => (pick.lookalike ? setConfirming(account) : void fill(account, false));
  const cancel = () => {
    void api.cancelPick(pick.id).catch((error: unknown) => log.warn('cancel', error));
    onDone(false);
  };
  return (
    <section class="panel pick" aria-labelledby="pick-title">
      <h2 id="pick-title">{t('pickTitle', hostName(pick.host))}</h2>
      <p class="pick-site" data-testid="pick-site">
        {t('pickSite')} <strong>{pick.site}</strong>
      </p>
      {pick.lookalike && <LookalikeWarning t={t} lookalike={pick.lookalike} id="pick-lookalike" />}
      {pick.framedBy !== null && (
        <p class="warning" role="alert" data-testid="pick-framed">
          {pick.framedBy ? t('pickFramed', [pick.site, hostName(pick.framedBy)]) : t('pickFramedUnknown', pick.site)}
        </p>
      )}
      {offered.length === 0 && <p class="empty">{t('pickNone', pick.site)}</p>}
      {confirming ? (
        <div class="pick-confirm">
          <p>{t('pickConfirmLookalike', [confirming.issuer || confirming.account, pick.site])}</p>
          <button
            type="button"
            class="danger"
            data-testid="pick-confirm"
            disabled={busy}
            onClick={() => void fill(confirming, true)}
          >
            {t('pickFillAnyway', pick.site)}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => setConfirming(null)}>
            {t('back')}
          </button>
        </div>
      ) : (
        <>
          {offered.length > 0 && shown.length === 0 && <p class="empty">{t('searchNone')}</p>}
          {groups.map((group) => (
            <div key={group.key} role="group" aria-labelledby={`pick-group-${group.key}`}>
              <p class="pick-group" id={`pick-group-${group.key}`}>
                {group.title}
              </p>
              <ul class="pick-list">
                {group.items.map((account) => (
                  <li key={account.id}>
                    <button
                      type="button"
                      class="secondary pick-account"
                      data-testid="pick-account"
                      disabled={busy}
                      onClick={() => choose(account)}
                      title={accountName(account)}
                    >
                      <span class="issuer">{account.issuer || t('noIssuer')}</span>{' '}
                      <span class="name">{account.account}</span>
                      {alike.has(account.id) && (
                        <span class="hint added" data-testid="pick-added">
                          {addedText(t, account)}
                        </span>
                      )}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
      {unbound.length > 0 && (
        <>
          <label class="check">
            <input
              type="checkbox"
              checked={always}
              onChange={(e) => setAlways(e.currentTarget.checked)}
              aria-describedby={pick.lookalike ? 'pick-always-hint pick-lookalike' : 'pick-always-hint'}
            />
            {t('pickAlways', pick.site)}
          </label>
          <p class="hint" id="pick-always-hint">
            {t('pickAlwaysHint', pick.site)}
          </p>
          {pick.lookalike && always && (
            <p class="warning" data-testid="pick-always-lookalike">
              {t('pickAlwaysLookalike', [pick.site, pick.lookalike.like])}
            </p>
          )}
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="secondary" onClick={cancel}>
        {t('cancel')}
      </button>
    </section>
  );
}
