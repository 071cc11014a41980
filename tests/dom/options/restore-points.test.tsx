import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { RestoreReason } from '../../../src/shared/protocol-restore';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { RestorePointsSection, type RestorePointsPort } from '../../../src/options/restore-points-section';
import { VaultService } from '../../../src/background/vault/vault-service';
import { addAccount, listAccounts } from '../../../src/core/vault';
import { decodeBase32 } from '../../../src/core/bytes/base32';
import { sealWithKey } from '../../../src/core/crypto';
import { memoryPorts } from '../../unit/background/memory-ports';
import { msg, settle, t } from '../popup/helpers';
import { waitFor } from './helpers';

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

const account = (n: number) => ({
  type: 'totp' as const,
  issuer: `Issuer ${n}`,
  account: `user${n}`,
  secret: decodeBase32('JBSWY3DPEHPK3PXP').map((b, i) => (i === 0 ? (b + n) % 256 : b)),
  algorithm: 'SHA1' as const,
  digits: 6,
  period: 30,
  counter: 0,
});

/** The section over the real vault service (in-memory storage): what it lists is what the vault keeps. */
async function setup() {
  const mem = memoryPorts();
  const vault = new VaultService(mem.ports);
  await vault.create('correct horse battery');
  const bulk = (ns: number[]) =>
    vault.mutate(
      (data, now) => {
        let next = data;
        for (const n of ns) next = addAccount(next, account(n), { now }).vault;
        return { data: next, result: undefined };
      },
      { restorePoint: 'import' },
    );
  const port: RestorePointsPort = {
    list: () => vault.restorePoints(),
    restore: async (id) => ({ count: await vault.restore(id) }),
  };
  return { vault, bulk, port, mem };
}

async function mount(port: RestorePointsPort): Promise<HTMLElement> {
  root = document.createElement('main');
  document.body.append(root);
  await act(async () =>
    render(<RestorePointsSection port={port} t={t} version={0} onRestored={() => undefined} />, root!),
  );
  await settle();
  return root;
}

describe('options: restore points', () => {
  it('lists date, what changed and the account count; restoring is undoable from the same list', async () => {
    const { vault, bulk, port } = await setup();
    await bulk([1]);
    await bulk([2, 3]);
    const el = await mount(port);
    const rows = () => [...el.querySelectorAll('[data-testid=restore-point]')];
    await waitFor(() => rows().length === 2);
    expect(rows()[0]!.textContent).toContain(msg('restoreReason_import'));
    expect(rows().map((r) => r.querySelector('[data-testid=restore-point-count]')!.textContent)).toEqual([
      msg('restorePointCount', '1'),
      msg('restorePointCount', '0'),
    ]);
    await act(async () => rows()[0]!.querySelector('button')!.click());
    await waitFor(() => el.querySelector('[data-testid=restore-message]') !== null && rows().length === 3);
    expect(el.querySelector('[data-testid=restore-message]')!.textContent).toBe(msg('restorePointRestored', '1'));
    expect((await vault.read(listAccounts)).map((a) => a.issuer)).toEqual(['Issuer 1']);
    // The vault before the restore is now the newest point: restoring it undoes the restore.
    expect(rows()[0]!.textContent).toContain(msg('restoreReason_restore'));
    expect(rows()[0]!.textContent).toContain(msg('restorePointCount', '3'));
    await act(async () => rows()[0]!.querySelector('button')!.click());
    await waitFor(() => rows().length === 4);
    expect((await vault.read(listAccounts)).map((a) => a.issuer)).toEqual(['Issuer 1', 'Issuer 2', 'Issuer 3']);
  });

  it('an unreadable last save kept at unlock: listed with its reason, no count, no restore', async () => {
    const { vault, bulk, port, mem } = await setup();
    await bulk([1]);
    await bulk([2]);
    // The current generation decrypts but does not read: the unlock falls back to the previous one.
    mem.local.current = await sealWithKey(mem.local.current!, mem.session.key!, new TextEncoder().encode('['));
    await vault.lock();
    await vault.unlock('correct horse battery');
    const el = await mount(port);
    const rows = () => [...el.querySelectorAll('[data-testid=restore-point]')];
    await waitFor(() => rows().length === 3);
    expect(rows()[0]!.textContent).toContain(msg('restoreReason_unreadable'));
    expect(rows()[0]!.querySelector('[data-testid=restore-point-count]')!.textContent).toBe(
      msg('restorePointUnreadable'),
    );
    expect(rows()[0]!.querySelector('button')!.disabled).toBe(true);
    // Control: the points that read can be restored.
    expect(rows()[1]!.querySelector('button')!.disabled).toBe(false);
  });

  it('every reason a point can have is named in the list, in English and German', async () => {
    const reasons = ['import', 'import-undo', 'bulk-add', 'password', 'restore', 'unreadable', 'trash-purge'] as const;
    // A reason added to RestoreReason and not here fails the type check.
    const everyReason: [Exclude<RestoreReason, (typeof reasons)[number]>] extends [never] ? true : false = true;
    expect(everyReason).toBe(true);
    const port: RestorePointsPort = {
      list: async () => reasons.map((reason, i) => ({ id: `p${i}`, at: Date.UTC(2026, 10, i + 1), reason, count: 1 })),
      restore: async () => ({ count: 1 }),
    };
    const el = await mount(port);
    const rows = () => [...el.querySelectorAll('[data-testid=restore-point]')];
    await waitFor(() => rows().length === reasons.length);
    reasons.forEach((reason, i) => {
      const key = `restoreReason_${reason.replace(/-/g, '_')}`;
      expect(msg(key), key).not.toBe('');
      expect(rows()[i]!.textContent).toContain(msg(key));
    });
    for (const lang of ['en', 'de']) {
      const messages = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<
        string,
        unknown
      >;
      for (const reason of reasons)
        expect(messages, `${lang}: ${reason}`).toHaveProperty(`restoreReason_${reason.replace(/-/g, '_')}`);
    }
  });

  it('locked: says to unlock, lists nothing; none yet: says so', async () => {
    const { vault, port } = await setup();
    let el = await mount(port);
    await waitFor(() => el.textContent!.includes(msg('restorePointsNone')));
    render(null, el);
    await vault.lock();
    el = await mount(port);
    await waitFor(() => el.textContent!.includes(msg('restorePointsLocked')));
    expect(el.querySelectorAll('[data-testid=restore-point]')).toHaveLength(0);
  });

  it('a point gone meanwhile (restored over from another page) gets a clear error', async () => {
    const { bulk, port } = await setup();
    await bulk([1]);
    const el = await mount(port);
    await waitFor(() => el.querySelector('[data-testid=restore-point]') !== null);
    const gone: RestorePointsPort = {
      list: port.list,
      restore: () => Promise.reject(Object.assign(new Error('x'), { code: 'restore/not-found' })),
    };
    render(null, el);
    const again = await mount(gone);
    await waitFor(() => again.querySelector('[data-testid=restore-point] button') !== null);
    await act(async () => again.querySelector<HTMLButtonElement>('[data-testid=restore-point] button')!.click());
    await settle();
    expect(again.querySelector('[role=alert]')!.textContent).toBe(msg('error_restore_not_found'));
  });
});
