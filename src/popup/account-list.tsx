import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AccountView, CodeView } from '../shared/protocol';
import type { PopupApi, Translate } from './api';

/** One clock for the whole list, ticking on whole seconds. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    let timer = 0;
    const tick = () => {
      setNow(Date.now());
      timer = window.setTimeout(tick, 1000 - (Date.now() % 1000));
    };
    timer = window.setTimeout(tick, 1000 - (Date.now() % 1000));
    return () => window.clearTimeout(timer);
  }, []);
  return now;
}

/** "123456" → "123 456", "12345678" → "1234 5678"; Steam's 5 characters stay as they are. */
export function groupCode(code: string): string {
  if (code.length === 6) return `${code.slice(0, 3)} ${code.slice(3)}`;
  if (code.length === 8) return `${code.slice(0, 4)} ${code.slice(4)}`;
  return code;
}

export function AccountList({ api, t, accounts }: { api: PopupApi; t: Translate; accounts: AccountView[] }) {
  const now = useNow();
  const [codes, setCodes] = useState<Map<string, CodeView>>(new Map());
  const ids = useMemo(() => accounts.map((a) => a.id), [accounts]);
  const expiry = useMemo(() => {
    let first = Infinity;
    for (const view of codes.values()) if (view.validUntil !== null) first = Math.min(first, view.validUntil);
    return first;
  }, [codes]);
  const stale = codes.size !== ids.length || now >= expiry;

  useEffect(() => {
    if (!stale || ids.length === 0) return;
    let live = true;
    api.codes(ids).then((list) => live && setCodes(new Map(list.map((c) => [c.id, c]))));
    return () => {
      live = false;
    };
  }, [api, ids, stale]);

  if (accounts.length === 0) return <p class="empty">{t('listEmpty')}</p>;
  return (
    <ul class="accounts" aria-label={t('listLabel')}>
      {accounts.map((account) => {
        const view = codes.get(account.id);
        const left = view?.validUntil ? Math.max(0, Math.ceil((view.validUntil - now) / 1000)) : null;
        return (
          <li key={account.id} class="account" data-testid="account">
            <div class="names">
              <span class="issuer">{account.issuer || account.sites[0] || t('noIssuer')}</span>
              <span class="name">{account.account}</span>
            </div>
            <span class="code" data-testid="code" aria-label={t('codeLabel')}>{view ? groupCode(view.code) : '••• •••'}</span>
            {left !== null && (
              <span class={left <= 5 ? 'left urgent' : 'left'} aria-hidden="true">{left}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
