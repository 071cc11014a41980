/**
 * HOTP use (RFC 4226 §7.2): a code taken from the popup moves the counter on once, in the same vault
 * write; the tab is filled with that same code through the tab's grant, never a second one; the
 * counter can be raised by the user, not lowered, and only on HOTP accounts.
 */
import { describe, expect, it } from 'vitest';
import { memoryPorts } from './memory-ports';
import { fakeBrowser } from '../../fake-browser';

const sent: unknown[] = [];
fakeBrowser({
  windows: { getLastFocused: async () => ({ id: 1 }) },
  tabs: {
    query: async () => [{ id: 7, url: 'https://bank.example/login', windowId: 1 }],
    sendMessage: async (_tabId: number, message: unknown) => {
      sent.push(message);
      return { ok: true, value: { filled: true } };
    },
  },
});

const { VaultService } = await import('../../../src/background/vault/vault-service');
const { accountsHotpUse } = await import('../../../src/background/handlers/accounts-hotp-use');
const { accountsUpdate } = await import('../../../src/background/handlers/accounts-update');
const { fillRequest } = await import('../../../src/background/handlers/fill-request');
const { fillActiveTab } = await import('../../../src/background/fill-shortcut');
const { addAccount } = await import('../../../src/core/vault');
const { decodeBase32 } = await import('../../../src/core/bytes/base32');

const SITE = 'https://bank.example';
// RFC 4226 appendix D secret and codes for counters 0..2.
const SECRET = decodeBase32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
const RFC = ['755224', '287082', '359152'];

async function setup(type: 'hotp' | 'totp' = 'hotp') {
  const memory = memoryPorts();
  const vault = new VaultService(memory.ports);
  await vault.create('correct horse battery');
  const id = await vault.mutate((data, now) => {
    const r = addAccount(
      data,
      {
        type,
        issuer: 'Bank',
        account: 'zoe',
        secret: SECRET,
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
        sites: [SITE],
      },
      { now },
    );
    return { data: r.vault, result: r.account.id };
  });
  const services = {
    vault,
    settings: {
      area: 'local',
      key: 'settings',
      clearOn: 'never',
      get: async () => ({ autoLockMinutes: 15 as const, autofill: true }),
      set: async () => undefined,
      remove: async () => undefined,
    },
    onSettingsChanged: () => undefined,
    activeOrigin: async () => null,
    askToUnlock: async () => undefined,
  } as const;
  const counter = () => vault.read((data) => data.accounts.find((a) => a.id === id)!.counter);
  return { memory, vault, id, services: services as never, counter };
}

const tabFrame = (origin = SITE) => ({
  origin,
  url: `${origin}/login`,
  tab: { id: 7, url: `${origin}/login` },
  frameId: 0,
  documentId: 'doc-1',
});

describe('accounts/hotp-use', () => {
  it('takes the code at the counter and advances it once, in one vault write', async () => {
    const { memory, id, services, counter } = await setup();
    const before = memory.writes();
    const fills: [string, string][] = [];
    const used = await accountsHotpUse(services, id, async (accountId, code) => fills.push([accountId, code]));
    expect(used.code).toBe(RFC[0]);
    expect(used.next.code).toBe(RFC[1]);
    expect(memory.writes() - before).toBe(1);
    expect(await counter()).toBe(1);
    expect(fills).toEqual([[id, RFC[0]]]);
    expect((await accountsHotpUse(services, id, async () => undefined)).code).toBe(RFC[1]);
    expect(await counter()).toBe(2);
  });

  it('refuses a TOTP account and writes nothing', async () => {
    const { memory, id, services } = await setup('totp');
    const before = memory.writes();
    await expect(accountsHotpUse(services, id, async () => undefined)).rejects.toMatchObject({
      code: 'protocol/bad-request',
    });
    expect(memory.writes()).toBe(before);
  });

  it('the tab grant carries the taken code: the fill gets it without advancing again, once, for that account only', async () => {
    const { id, services, counter } = await setup();
    sent.length = 0;
    const used = await accountsHotpUse(services, id);
    const { grant } = sent[0] as { grant: string; accountId: string };
    expect(sent[0]).toMatchObject({ type: 'content/fill-now', accountId: id });
    const filled = await fillRequest(services, tabFrame(), { accountId: id, grant, visible: true });
    expect(filled).toMatchObject({ kind: 'code', code: used.code, validUntil: null, next: null });
    // No refresh grant: the page never asks again for it (content/fill/keep-fresh.ts), nothing moves the counter.
    expect(filled).not.toHaveProperty('grant');
    expect(await counter()).toBe(1);
    // Used up: the same grant gives nothing more.
    expect(await fillRequest(services, tabFrame(), { accountId: id, grant, visible: true })).toEqual({ kind: 'none' });
  });

  it('a plain tab grant (shortcut) or another site gets no HOTP code', async () => {
    const { id, services, counter } = await setup();
    sent.length = 0;
    await fillActiveTab(id);
    const { grant } = sent[0] as { grant: string };
    expect(await fillRequest(services, tabFrame(), { accountId: id, grant, visible: true })).toEqual({ kind: 'none' });
    sent.length = 0;
    await accountsHotpUse(services, id);
    const { grant: taken } = sent[0] as { grant: string };
    expect(
      await fillRequest(services, tabFrame('https://evil.example'), { accountId: id, grant: taken, visible: true }),
    ).toMatchObject({ kind: expect.not.stringMatching(/^code$/) });
    expect(await counter()).toBe(1);
  });
});

describe('accounts/update counter', () => {
  it('raises an HOTP counter; refuses lowering it, a non-integer, or a TOTP account', async () => {
    const { id, services, counter } = await setup();
    expect((await accountsUpdate(services, id, { counter: 5 })).counter).toBe(5);
    await expect(accountsUpdate(services, id, { counter: 4 })).rejects.toMatchObject({ code: 'otp/bad-params' });
    await expect(accountsUpdate(services, id, { counter: 5.5 })).rejects.toMatchObject({
      code: 'protocol/bad-request',
    });
    expect(await counter()).toBe(5);
    const totp = await setup('totp');
    await expect(accountsUpdate(totp.services, totp.id, { counter: 3 })).rejects.toMatchObject({
      code: 'protocol/bad-request',
    });
  });
});
