/**
 * Two accounts that read the same (a new key kept beside the old one on a setup page) are told apart
 * by where and when each was added: in the account's details, and in the in-field button's pick list.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { AccountDetail } from '../../../src/popup/account-detail';
import { PickPanel } from '../../../src/popup/pick-panel';
import type { AccountView, PendingPick } from '../../../src/shared/protocol';
import type { PopupApi } from '../../../src/popup/api';
import { msg, t } from './helpers';

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

const DAY = Date.UTC(2026, 11, 7, 12);
const view = (id: string, over: Partial<AccountView> = {}): AccountView => ({
  id,
  type: 'totp',
  issuer: 'Mail Machine',
  account: 'zoe',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  sites: ['https://mailmachine.test'],
  pinned: false,
  order: 0,
  fill: { submitOn: [], appendOn: [], exactOrigin: false },
  backupCodes: { total: 0, remaining: 0 },
  createdAt: DAY,
  updatedAt: DAY,
  ...over,
});
const date = (at: number) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

async function show(node: preact.VNode) {
  root = document.createElement('main');
  document.body.append(root);
  await act(async () => render(node, root!));
  return root;
}

describe('where and when an account was added', () => {
  it("the details say the page's host (no port) and the time; a typed or imported one, the time alone", async () => {
    const noop = () => undefined;
    const api = {} as PopupApi;
    const el = await show(
      <AccountDetail
        api={api}
        t={t}
        account={view('a', { addedOn: 'https://login.mailmachine.test:8443' })}
        onChanged={noop}
        onDeleted={noop}
        onClose={noop}
      />,
    );
    expect(el.querySelector('[data-testid=added]')?.textContent).toBe(
      msg('addedFrom', 'login.mailmachine.test', date(DAY)),
    );
    render(null, el);
    await act(async () =>
      render(
        <AccountDetail api={api} t={t} account={view('b')} onChanged={noop} onDeleted={noop} onClose={noop} />,
        el,
      ),
    );
    expect(el.querySelector('[data-testid=added]')?.textContent).toBe(msg('addedAt', date(DAY)));
  });

  it('the pick list says it only for the accounts that read the same', async () => {
    const later = DAY + 86_400_000 * 40;
    const accounts = [
      view('old'),
      view('new', { addedOn: 'https://mailmachine.test', createdAt: later }),
      view('other', { issuer: 'Other', account: 'zoe' }),
    ];
    const pick: PendingPick = {
      id: 'p1',
      host: 'mailmachine.test',
      site: 'mailmachine.test',
      ids: ['old', 'new', 'other'],
      unbound: [],
      lookalike: null,
      framedBy: null,
    };
    const el = await show(
      <PickPanel api={{} as PopupApi} t={t} pick={pick} accounts={accounts} onDone={() => undefined} />,
    );
    const items = [...el.querySelectorAll('[data-testid=pick-account]')].map(
      (b) => b.querySelector('[data-testid=pick-added]')?.textContent ?? null,
    );
    expect(items).toEqual([msg('addedAt', date(DAY)), msg('addedFrom', 'mailmachine.test', date(later)), null]);
  });
});
