/**
 * What a frame gets when it asks for a code (fill/request), and the in-field button's pick
 * (fill/choose → popup → fill/pick): only the frame's own site's accounts or unbound ones, the code
 * only to the frame and document that asked.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryPorts } from './memory-ports';
import { fakeBrowser } from '../../fake-browser';
import { ClockStore } from '../../../src/background/clock/clock-store';

const sent: { tabId: number; message: unknown; options: unknown }[] = [];
/** The frame's content script, where a test plays it (asks back what it is told to ask); else it says filled. */
let frame: ((message: Record<string, unknown>) => Promise<unknown>) | null = null;
/**
 * The browser's frame tree (webNavigation.getFrame): a subframe sits right in its tab's top page, whose
 * URL `from()` records per tab (`frameTree` below gives deeper trees); an unknown top page: unknown.
 */
const tops = new Map<number, string | undefined>();
let frameTree: Record<number, { url: string; parentFrameId: number; documentId?: string }> | null = null;
fakeBrowser({
  webNavigation: {
    getFrame: async ({ tabId, frameId }: { tabId: number; frameId: number }) => {
      if (frameTree) return frameTree[frameId] ?? null;
      if (frameId !== 0) return { url: 'https://subframe.invalid/', parentFrameId: 0 };
      const url = tops.get(tabId);
      return url === undefined ? null : { url, parentFrameId: -1 };
    },
  },
  windows: { getLastFocused: async () => ({ id: 1 }) },
  tabs: {
    query: async () => [{ id: 7, url: 'https://mail.example/login', windowId: 1 }],
    sendMessage: async (tabId: number, message: Record<string, unknown>, options: unknown) => {
      sent.push({ tabId, message, options });
      return { ok: true, value: frame ? await frame(message) : { filled: true } };
    },
  },
});

const { VaultService } = await import('../../../src/background/vault/vault-service');
const { fillRequest, fillRequestOf } = await import('../../../src/background/handlers/fill-request');
const { fillActiveTab } = await import('../../../src/background/fill-shortcut');
const { fillChoose } = await import('../../../src/background/handlers/fill-choose');
const { cancelPick, eligible, finishPickAfterUnlock, pendingPick, pickAccount, pickCode } =
  await import('../../../src/background/fill/pick');
const { addAccount, updateAccount } = await import('../../../src/core/vault');
const { decodeBase32 } = await import('../../../src/core/bytes/base32');
const { codeAt } = await import('../../../src/core/otp');

type Vault = InstanceType<typeof VaultService>;
const NOW = Date.UTC(2026, 10, 24, 12, 0, 10);
const SITE = 'https://mail.example';

function services(vault: Vault, autofill = true) {
  return {
    vault,
    settings: {
      area: 'local',
      key: 'settings',
      clearOn: 'never',
      get: async () => ({ autoLockMinutes: 15 as const, autofill }),
      set: async () => undefined,
      remove: async () => undefined,
    },
    onSettingsChanged: () => undefined,
    activeOrigin: async () => null,
    askToUnlock: vi.fn(async () => undefined),
    clock: new ClockStore({
      area: 'session',
      key: 'clockSamples',
      clearOn: 'lock',
      get: async () => undefined,
      set: async () => undefined,
      remove: async () => undefined,
    }),
  } as const;
}

const secret = (n: number) => decodeBase32('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP').map((b, i) => (i === 0 ? b ^ n : b));

async function vaultWith(
  accounts: {
    sites: string[];
    type?: 'totp' | 'hotp';
    fill?: { submitOn?: string[]; appendOn?: string[]; exactOrigin?: boolean };
  }[],
) {
  const vault = new VaultService(memoryPorts().ports);
  await vault.create('correct horse battery');
  const ids: string[] = [];
  for (const [n, a] of accounts.entries()) {
    ids.push(
      await vault.mutate((data, now) => {
        const r = addAccount(
          data,
          {
            type: a.type ?? 'totp',
            issuer: `I${n}`,
            account: `a${n}`,
            secret: secret(n + 1),
            algorithm: 'SHA1',
            digits: 6,
            period: 30,
            counter: 0,
            sites: a.sites,
          },
          { now },
        );
        const next = a.fill ? updateAccount(r.vault, r.account.id, { fill: a.fill }, { now }) : r.vault;
        return { data: next, result: r.account.id };
      }),
    );
  }
  return { vault, ids };
}

const code = (n: number, at = NOW) =>
  codeAt({ type: 'totp', secret: secret(n + 1), algorithm: 'SHA1', digits: 6, period: 30, counter: 0 }, at);

beforeEach(() => {
  sent.length = 0;
  frame = null;
});

/** A content script's sender: by default the top frame of a tab showing `origin`. */
const from = (
  origin: string,
  extra: { frameId?: number; top?: string | undefined; documentId?: string; tabId?: number } = {},
) => {
  const sender = {
    origin,
    url: `${origin}/login`,
    tab: {
      id: extra.tabId ?? 7,
      ...('top' in extra ? (extra.top === undefined ? {} : { url: extra.top }) : { url: `${origin}/login` }),
    },
    frameId: extra.frameId ?? 0,
    documentId: extra.documentId ?? 'doc-1',
  };
  return framed(sender);
};
/** Records `sender`'s top page in the fake frame tree (its frame sits right in it). */
const framed = <S extends { tab: { id: number; url?: string } }>(sender: S): S => {
  tops.set(sender.tab.id, sender.tab.url);
  return sender;
};
/** What our content script sends for a field it saw (fill/request's automatic case). */
const SEEN = { visible: true } as const;
const grantOf = (answer: { kind: string; grant?: string }): string => {
  if (typeof answer.grant !== 'string') throw new Error(`no grant in ${answer.kind}`);
  return answer.grant;
};

describe('fill/request', () => {
  it('one account on the site: its code, the rollover time and its submit option; never the next code', async () => {
    const { vault } = await vaultWith([
      { sites: [SITE], fill: { submitOn: ['https://login.mail.example'] } },
      { sites: ['https://other.example'] },
    ]);
    expect(await fillRequest(services(vault), from('https://login.mail.example'), SEEN, NOW)).toEqual({
      kind: 'code',
      code: code(0),
      next: null,
      validUntil: NOW + 20_000,
      submit: true,
    });
  });

  it.each([
    ['a lookalike host', 'https://mai1.example', [{ sites: [SITE] }], { kind: 'none' }],
    ['several accounts', SITE, [{ sites: [SITE] }, { sites: [SITE] }], { kind: 'several', count: 2 }],
    [
      'none bound, an unbound one exists',
      'https://new.example',
      [{ sites: [SITE] }, { sites: [] }],
      { kind: 'choose' },
    ],
    ['none bound, no unbound one', 'https://new.example', [{ sites: [SITE] }], { kind: 'none' }],
    [
      'none bound, only an unbound HOTP one (never picked)',
      'https://new.example',
      [{ sites: [], type: 'hotp' as const }],
      { kind: 'none' },
    ],
    [
      'a single HOTP account (never filled on sight)',
      SITE,
      [{ sites: [SITE], type: 'hotp' as const }],
      { kind: 'none' },
    ],
  ])('%s → %j', async (_name, origin, accounts, answer) => {
    const { vault } = await vaultWith(accounts);
    expect(await fillRequest(services(vault), from(origin), SEEN, NOW)).toEqual(answer);
  });

  it('locked → locked (the button offers unlock); no origin → none; autofill off → off with a grant for the button', async () => {
    const { vault } = await vaultWith([{ sites: [SITE] }]);
    expect(await fillRequest(services(vault), { ...from(SITE), origin: 'null' }, SEEN, NOW)).toEqual({ kind: 'none' });
    const off = await fillRequest(services(vault, false), from(SITE), SEEN, NOW);
    expect(off).toEqual({ kind: 'off', grant: expect.any(String) });
    // Off, and nothing here to fill: no button either (the page learns nothing about the extension).
    expect(await fillRequest(services(vault, false), from('https://new.example'), SEEN, NOW)).toEqual({ kind: 'none' });
    // The button's click brings the grant back: that fills.
    expect((await fillRequest(services(vault, false), from(SITE), { grant: grantOf(off) }, NOW)).kind).toBe('code');
    await vault.lock();
    expect(await fillRequest(services(vault), from(SITE), SEEN, NOW)).toEqual({ kind: 'locked' });
  });

  it('password + code: a code only for the one site account with the option on, even with autofill off; only where filling with no click is allowed', async () => {
    const withOption = await vaultWith([{ sites: [SITE], fill: { appendOn: [SITE] } }]);
    expect(await fillRequest(services(withOption.vault, false), from(SITE), { append: true }, NOW)).toMatchObject({
      kind: 'code',
      next: null,
    });
    expect(
      await fillRequest(
        services(withOption.vault),
        from(SITE, { frameId: 2, top: 'https://evil.example/' }),
        { append: true },
        NOW,
      ),
    ).toEqual({ kind: 'none' });
    const without = await vaultWith([{ sites: [SITE] }]);
    expect(await fillRequest(services(without.vault), from(SITE), { append: true }, NOW)).toEqual({ kind: 'none' });
    await withOption.vault.lock();
    expect(await fillRequest(services(withOption.vault), from(SITE), { append: true }, NOW)).toEqual({ kind: 'none' });
    const http = await vaultWith([{ sites: ['http://mail.example'], fill: { appendOn: ['http://mail.example'] } }]);
    expect(await fillRequest(services(http.vault), from('http://mail.example'), { append: true }, NOW)).toEqual({
      kind: 'none',
    });
  });
});

describe('fill/request: where a code is filled with no click (finding 5)', () => {
  const confirm = { kind: 'confirm', grant: expect.any(String) };
  const PLAIN = 'http://mail.example';

  it.each([
    ['the top frame, https, a field seen', SITE, from(SITE), SEEN, 'code'],
    [
      'a same-site frame (login.mail.example in mail.example)',
      SITE,
      from('https://login.mail.example', { frameId: 4, top: 'https://mail.example/home' }),
      SEEN,
      'code',
    ],
    ['a frame another site embeds', SITE, from(SITE, { frameId: 4, top: 'https://evil.example/' }), SEEN, 'framed'],
    [
      'a frame whose top page is not known (no tab url)',
      SITE,
      from(SITE, { frameId: 4, top: undefined }),
      SEEN,
      'framed',
    ],
    [
      'a frame of the same host over http in an https top page',
      'http://mail.example',
      from('http://mail.example', { frameId: 4, top: 'https://mail.example/' }),
      SEEN,
      'framed',
    ],
    ['an http page (account bound to http)', 'http://mail.example', from('http://mail.example'), SEEN, 'confirm'],
    ['http on localhost', 'http://localhost:8080', from('http://localhost:3000'), SEEN, 'code'],
    ['http on 127.0.0.1', 'http://127.0.0.1:8080', from('http://127.0.0.1:8080'), SEEN, 'code'],
    ['http on [::1]', 'http://[::1]:8080', from('http://[::1]:8080'), SEEN, 'code'],
    [
      'http on a *.localhost name (resolved to loopback by the browser)',
      'http://demo-mail.localhost:8080',
      from('http://demo-mail.localhost:8080'),
      SEEN,
      'code',
    ],
    [
      'http on a host that only starts with localhost',
      'http://localhost.evil.example',
      from('http://localhost.evil.example'),
      SEEN,
      'confirm',
    ],
    ['a field our content script did not see', SITE, from(SITE), { visible: false }, 'confirm'],
    ['a field nobody said was seen', SITE, from(SITE), {}, 'confirm'],
    ['a field that wants two consecutive codes', SITE, from(SITE), { ...SEEN, consecutive: true }, 'confirm'],
  ] as const)('%s → %s', async (_name, site, sender, request, kind) => {
    const { vault } = await vaultWith([{ sites: [site] }]);
    const answer = await fillRequest(services(vault), framed(sender), request, NOW);
    expect(answer).toEqual(
      kind === 'code'
        ? expect.objectContaining({ kind: 'code', code: code(0), next: null })
        : kind === 'framed'
          ? { kind: 'framed' } // no grant: our button opens the popup (see "clickjacking a framed login" below)
          : confirm,
    );
  });

  it('a forged "explicit: true" (the old way to say "the user asked") is a request like any other', async () => {
    const { vault } = await vaultWith([{ sites: [SITE] }]);
    const forged = fillRequestOf({ type: 'fill/request', explicit: true, visible: false, grant: 42 });
    expect(forged).toEqual({});
    expect(await fillRequest(services(vault), from(SITE), forged, NOW)).toEqual(confirm);
    expect(await fillRequest(services(vault, false), from(SITE), forged, NOW)).toEqual({
      kind: 'off',
      grant: expect.any(String),
    });
    expect(await fillRequest(services(vault), from(SITE), { grant: 'a-guessed-grant' }, NOW)).toEqual(confirm);
  });

  it('a button grant works once, only in the frame and document it was issued to, and not after it expires', async () => {
    const { vault } = await vaultWith([{ sites: [PLAIN] }]);
    const sender = from(PLAIN, { frameId: 4, top: `${PLAIN}/`, documentId: 'doc-4' });
    const issue = async () => grantOf(await fillRequest(services(vault), sender, SEEN, NOW));
    const grant = await issue();
    expect(await fillRequest(services(vault), { ...sender, frameId: 5 }, { grant }, NOW)).toEqual(confirm);
    expect(await fillRequest(services(vault), { ...sender, documentId: 'doc-other' }, { grant }, NOW)).toEqual(confirm);
    expect(
      await fillRequest(services(vault), framed({ ...sender, tab: { id: 8, url: `${PLAIN}/` } }), { grant }, NOW),
    ).toEqual(confirm);
    expect(await fillRequest(services(vault), sender, { grant }, NOW)).toMatchObject({ kind: 'code', code: code(0) });
    expect(await fillRequest(services(vault), sender, { grant }, NOW)).toEqual(confirm); // used up
    const late = await issue();
    expect(await fillRequest(services(vault), sender, { grant: late }, NOW + 31 * 60_000)).toEqual(confirm);
  });

  it("a fill the user asked for covers the page's refresh after a sleep (minutes later), once, and not past 5 minutes", async () => {
    const { vault } = await vaultWith([{ sites: [PLAIN] }]);
    const sender = from(PLAIN, { frameId: 4, top: `${PLAIN}/`, documentId: 'doc-4' });
    const button = grantOf(await fillRequest(services(vault), sender, SEEN, NOW));
    const filled = await fillRequest(services(vault), sender, { grant: button }, NOW);
    expect(filled).toMatchObject({ kind: 'code', grant: expect.any(String) });
    const refresh = grantOf(filled);
    // The computer slept 2 minutes: the page's timers stood still, its refresh comes now. The build
    // before let the refresh grant run out 10 s after the code's end, so the field kept a stale code.
    const later = NOW + 2 * 60_000;
    const again = await fillRequest(services(vault), sender, { ...SEEN, grant: refresh }, later);
    expect(again).toMatchObject({ kind: 'code', code: code(0, later) });
    expect(await fillRequest(services(vault), sender, { ...SEEN, grant: refresh }, later)).toEqual(confirm); // used up
    // A refresh grant left unused past its 5 minutes gives nothing.
    const stale = grantOf(await fillRequest(services(vault), sender, { grant: grantOf(again) }, later));
    expect(await fillRequest(services(vault), sender, { grant: stale }, later + 6 * 60_000)).toEqual(confirm);
  });

  it('a page that asks again and again keeps only its newest grants (per tab)', async () => {
    const { vault } = await vaultWith([{ sites: [PLAIN] }]);
    const sender = from(PLAIN, { frameId: 4, top: `${PLAIN}/` });
    const grants: string[] = [];
    for (let i = 0; i < 12; i++) grants.push(grantOf(await fillRequest(services(vault), sender, {}, NOW)));
    expect(await fillRequest(services(vault), sender, { grant: grants[0]! }, NOW)).toEqual(confirm);
    expect((await fillRequest(services(vault), sender, { grant: grants[11]! }, NOW)).kind).toBe('code');
  });

  it('two consecutive codes only for a consecutive field, and only with a click (grant)', async () => {
    const { vault } = await vaultWith([{ sites: [SITE] }]);
    const first = await fillRequest(services(vault), from(SITE), { ...SEEN, consecutive: true }, NOW);
    expect(first).toEqual(confirm);
    expect(
      await fillRequest(services(vault), from(SITE), { consecutive: true, grant: grantOf(first) }, NOW),
    ).toMatchObject({
      kind: 'code',
      code: code(0),
      next: code(0, NOW + 20_000),
    });
  });

  it('"code 1 / code 2" as two fields or two requests: each answer is the current code, never the next one', async () => {
    const { vault } = await vaultWith([{ sites: [SITE] }]);
    const answers = [
      await fillRequest(services(vault), from(SITE), SEEN, NOW),
      await fillRequest(services(vault), from(SITE, { documentId: 'doc-2' }), SEEN, NOW + 100),
    ];
    expect(answers.map((a) => a.kind === 'code' && [a.code, a.next])).toEqual([
      [code(0), null],
      [code(0), null],
    ]);
  });

  it('a fill the user asked for carries one grant for the request at rollover, good for that frame', async () => {
    const { vault } = await vaultWith([{ sites: [PLAIN] }]);
    const sender = from(PLAIN, { frameId: 4, top: `${PLAIN}/` });
    const button = grantOf(await fillRequest(services(vault), sender, SEEN, NOW));
    const filled = await fillRequest(services(vault), sender, { grant: button }, NOW);
    const refresh = grantOf(filled);
    const later = NOW + 21_000;
    expect(await fillRequest(services(vault), sender, { grant: refresh }, later)).toMatchObject({
      kind: 'code',
      code: code(0, later),
    });
  });

  it('popup click / shortcut: the tab grant fills the top frame or a same-site frame (even an unseen field), not a frame another site embeds', async () => {
    const { vault, ids } = await vaultWith([{ sites: [SITE] }, { sites: ['https://other.example'] }]);
    const tabGrant = async (accountId?: string) => {
      sent.length = 0;
      await fillActiveTab(accountId);
      const message = sent[0]?.message as { type: string; grant: string; accountId?: string };
      expect(message).toMatchObject({ type: 'content/fill-now', grant: expect.any(String) });
      expect(sent[0]?.options).toBeUndefined(); // every frame of the tab; each checks its own site
      return message.grant;
    };
    expect((await fillRequest(services(vault, false), from(SITE), { grant: await tabGrant() }, NOW)).kind).toBe('code');
    const sameSite = from('https://login.mail.example', { frameId: 3, top: 'https://mail.example/' });
    expect((await fillRequest(services(vault), sameSite, { grant: await tabGrant() }, NOW)).kind).toBe('code');
    const embedded = from(SITE, { frameId: 3, top: 'https://evil.example/' });
    expect(await fillRequest(services(vault), embedded, { grant: await tabGrant() }, NOW)).toEqual({ kind: 'framed' });
    // Another tab cannot use this tab's grant; another site's account is never filled.
    expect(await fillRequest(services(vault), from(SITE, { tabId: 9 }), { grant: await tabGrant() }, NOW)).toEqual(
      confirm,
    );
    expect(
      await fillRequest(services(vault), from(SITE), { accountId: ids[1]!, grant: await tabGrant(ids[1]) }, NOW),
    ).toEqual({ kind: 'none' });
  });

  it("popup click on one of the site's accounts: the refresh grant is good for that account only, as the page names it again", async () => {
    const { vault, ids } = await vaultWith([{ sites: [SITE] }, { sites: [SITE] }]);
    sent.length = 0;
    await fillActiveTab(ids[1]);
    const { grant } = sent[0]!.message as { grant: string };
    const filled = await fillRequest(services(vault), from(SITE), { accountId: ids[1]!, grant }, NOW);
    expect(filled).toMatchObject({ kind: 'code', code: code(1) });
    const refresh = grantOf(filled);
    const later = NOW + 2 * 60_000; // after a sleep
    // Not the site's other account (the build before gave its code), and without a name: both
    // accounts match, nothing is filled. Neither uses the grant up.
    expect((await fillRequest(services(vault), from(SITE), { accountId: ids[0]!, grant: refresh }, later)).kind).toBe(
      'confirm',
    );
    expect(await fillRequest(services(vault), from(SITE), { grant: refresh }, later)).toEqual({
      kind: 'several',
      count: 2,
    });
    const again = await fillRequest(services(vault), from(SITE), { accountId: ids[1]!, grant: refresh }, later);
    expect(again).toMatchObject({ kind: 'code', code: code(1, later), grant: expect.any(String) });
  });

  it("a frame another site embeds does not use up the tab grant before the page's own field (autofill off)", async () => {
    const { vault } = await vaultWith([{ sites: [SITE] }]);
    sent.length = 0;
    await fillActiveTab();
    const { grant } = sent[0]!.message as { grant: string };
    // Every frame of the tab is asked to fill: an ad frame with a code-like field may answer first.
    const ad = from('https://ads.example', { frameId: 5, top: `${SITE}/` });
    expect((await fillRequest(services(vault, false), ad, { grant }, NOW)).kind).not.toBe('code');
    const embedded = from(SITE, { frameId: 6, top: 'https://evil.example/' });
    expect((await fillRequest(services(vault, false), embedded, { grant }, NOW)).kind).not.toBe('code');
    // The page's password field ("password and code in one field" is off here) leaves it too.
    expect((await fillRequest(services(vault, false), from(SITE), { grant, append: true }, NOW)).kind).toBe('none');
    // The page's own field still gets the code the user asked for, once.
    expect((await fillRequest(services(vault, false), from(SITE), { grant }, NOW)).kind).toBe('code');
    expect((await fillRequest(services(vault, false), from(SITE), { grant }, NOW)).kind).toBe('off');
  });

  it('an account narrowed to its exact origin: nothing for another subdomain (user content), a code on the origin itself', async () => {
    const { vault } = await vaultWith([{ sites: ['https://login.mail.example'], fill: { exactOrigin: true } }]);
    expect(await fillRequest(services(vault), from('https://user1.mail.example'), SEEN, NOW)).toEqual({ kind: 'none' });
    expect(await fillRequest(services(vault), from('https://login.mail.example:8443'), SEEN, NOW)).toEqual({
      kind: 'none',
    });
    expect((await fillRequest(services(vault), from('https://login.mail.example'), SEEN, NOW)).kind).toBe('code');
  });
});

/** A sender as Firefox gives it: no document id. */
const withoutDocument = ({ documentId: _, ...rest }: { documentId?: string | undefined } & Record<string, unknown>) =>
  rest;

describe('the in-field pick', () => {
  let tab = 100;
  /** A frame of `origin` in a page of its own origin (the fake frame tree's top page). */
  const sender = (origin: string, documentId = 'doc-1', tabId = tab) =>
    framed({ origin, tab: { id: tabId, url: `${origin}/home` }, frameId: 3, documentId });
  const choice = (pickId: string, id: string, always = false, despiteLookalike = false) => ({
    pickId,
    id,
    always,
    despiteLookalike,
  });
  beforeEach(() => {
    tab += 1; // each test clicks in its own tab: the store is the service worker's, shared by all
  });

  it("offers the site's accounts, then unbound ones; never another site's, never HOTP; names the site and the pick", async () => {
    const { vault, ids } = await vaultWith([
      { sites: ['https://other.example'] },
      { sites: [] },
      { sites: [SITE] },
      { sites: [], type: 'hotp' },
    ]);
    await fillChoose(services(vault), sender('https://login.mail.example:8443'));
    const pending = await pendingPick(vault, tab, NOW);
    expect(pending).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      host: 'login.mail.example:8443',
      site: 'mail.example',
      ids: [ids[2], ids[1]],
      unbound: [ids[1]],
      lookalike: null,
      framedBy: null,
    });
    await expect(pickAccount(vault, choice(pending!.id, ids[0]!, true), NOW)).rejects.toMatchObject({
      code: 'protocol/bad-request',
    });
    await fillChoose(services(vault), sender(SITE));
    const again = await pendingPick(vault, tab, NOW);
    expect(again?.id).not.toBe(pending!.id);
    await expect(pickAccount(vault, choice(again!.id, ids[3]!, true), NOW)).rejects.toMatchObject({
      code: 'protocol/bad-request',
    });
    expect(sent).toEqual([]);
    expect(await vault.read((data) => eligible(data, 'https://mai1.example').ids)).toEqual([ids[1]]);
  });

  it('the click opens the popup; the picked code goes to exactly that frame and document, when it asks; "always" binds the site', async () => {
    const { vault, ids } = await vaultWith([{ sites: [] }]);
    const s = services(vault);
    await fillChoose(s, sender(SITE));
    expect(s.askToUnlock).toHaveBeenCalledOnce();
    const { id } = (await pendingPick(vault, tab, NOW))!;
    const asked: unknown[] = [];
    frame = async (message) => {
      const answer = await pickCode(vault, message.grant as string, sender(SITE), NOW);
      asked.push(answer);
      return { filled: answer !== null };
    };
    expect(await pickAccount(vault, choice(id, ids[0]!, true), NOW)).toEqual({ filled: true });
    // Told only that it is ready, with a one-use grant; the code is the answer to the frame's own ask.
    expect(sent).toEqual([
      {
        tabId: tab,
        message: { type: 'content/pick-ready', grant: expect.stringMatching(/^[0-9a-f-]{36}$/), origin: SITE },
        options: { frameId: 3, documentId: 'doc-1' },
      },
    ]);
    expect(asked).toEqual([expect.objectContaining({ kind: 'code', code: code(0), next: code(0, NOW + 30_000) })]);
    expect(await vault.read((data) => data.accounts[0]!.sites)).toEqual([SITE]);
    // The pick is used up: the same id is refused with a typed error.
    expect(await pendingPick(vault, tab, NOW)).toBeNull();
    await expect(pickAccount(vault, choice(id, ids[0]!, true), NOW)).rejects.toMatchObject({ code: 'fill/pick-gone' });
  });

  it("the pick's grant gives the code only to its frame: same tab, frame, origin and (where named) document, once, while it is being told", async () => {
    const { vault, ids } = await vaultWith([{ sites: [SITE] }, { sites: [SITE] }]);
    let grant = '';
    /** One pick: the frame is told; `first` asks with the grant, then the pick's own frame does. */
    async function round(first: Parameters<typeof pickCode>[2]) {
      const answers: unknown[] = [];
      frame = async (message) => {
        grant = message.grant as string;
        answers.push(await pickCode(vault, grant, first, NOW));
        answers.push(await pickCode(vault, grant, sender(SITE), NOW));
        return { filled: false };
      };
      await fillChoose(services(vault), sender(SITE));
      await pickAccount(vault, choice((await pendingPick(vault, tab, NOW))!.id, ids[1]!), NOW);
      return answers;
    }
    const theCode = expect.objectContaining({ kind: 'code', code: code(1) });
    // Another tab's or frame's ask is refused and leaves the grant to its frame.
    expect(await round(sender(SITE, 'doc-1', tab + 1))).toEqual([null, theCode]);
    expect(await round({ ...sender(SITE), frameId: 0 })).toEqual([null, theCode]);
    // Asked from the pick's frame but not its document or origin (Firefox keeps a frame's id across a
    // navigation): refused, and the grant is spent, as it is by the first ask of the right document.
    expect(await round(sender(SITE, 'doc-2'))).toEqual([null, null]);
    expect(await round(withoutDocument(sender(SITE)))).toEqual([null, null]);
    expect(await round(sender('https://evil.example', 'doc-1'))).toEqual([null, null]);
    expect(await round(sender(SITE))).toEqual([theCode, null]);
    // Once the frame has answered, the grant is gone.
    frame = async (message) => ((grant = message.grant as string), { filled: false });
    await fillChoose(services(vault), sender(SITE));
    await pickAccount(vault, choice((await pendingPick(vault, tab, NOW))!.id, ids[1]!), NOW);
    expect(await pickCode(vault, grant, sender(SITE), NOW)).toBeNull();
  });

  it('a Firefox frame (no document ids): the same frame and origin get the code; the vault locked meanwhile gives nothing', async () => {
    const { vault, ids } = await vaultWith([{ sites: [SITE] }, { sites: [SITE] }]);
    const firefox = withoutDocument(sender(SITE));
    const answers: unknown[] = [];
    frame = async (message) => {
      answers.push(await pickCode(vault, message.grant as string, firefox, NOW));
      return { filled: true };
    };
    await fillChoose(services(vault), firefox);
    await pickAccount(vault, choice((await pendingPick(vault, tab, NOW))!.id, ids[0]!), NOW);
    frame = async (message) => {
      await vault.lock();
      answers.push(await pickCode(vault, message.grant as string, firefox, NOW));
      return { filled: false };
    };
    await fillChoose(services(vault), firefox);
    await pickAccount(vault, choice((await pendingPick(vault, tab, NOW))!.id, ids[0]!), NOW);
    expect(answers).toEqual([expect.objectContaining({ kind: 'code', code: code(0) }), null]);
  });

  it("a picked code brings a refresh grant: the field's refresh gets the current code, only from the pick's frame, origin and document, once, for 5 minutes, while the account is still the site's", async () => {
    const { vault, ids } = await vaultWith([{ sites: [] }]);
    /** A pick of the unbound account, its first code asked by its frame: that answer's grant. */
    async function picked(): Promise<string> {
      let first: { grant?: string } | null = null;
      frame = async (message) => {
        first = await pickCode(vault, message.grant as string, sender(SITE), NOW);
        return { filled: true };
      };
      await fillChoose(services(vault), sender(SITE));
      await pickAccount(vault, choice((await pendingPick(vault, tab, NOW))!.id, ids[0]!), NOW);
      expect(first).toMatchObject({ kind: 'code', code: code(0), grant: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      return first!.grant!;
    }
    const later = NOW + 2 * 60_000; // the computer slept: the page asks minutes after the code's end
    let grant = await picked();
    // Another tab's or frame's ask is refused and leaves the grant to the field's frame.
    expect(await pickCode(vault, grant, sender(SITE, 'doc-1', tab + 1), later)).toBeNull();
    expect(await pickCode(vault, grant, { ...sender(SITE), frameId: 0 }, later)).toBeNull();
    const again = await pickCode(vault, grant, sender(SITE), later);
    expect(again).toMatchObject({ kind: 'code', code: code(0, later), grant: expect.any(String) });
    expect(again!.grant).not.toBe(grant);
    expect(await pickCode(vault, grant, sender(SITE), later)).toBeNull(); // used up
    // The pick's frame but another document or origin: refused (and spent).
    grant = await picked();
    expect(await pickCode(vault, grant, sender(SITE, 'doc-2'), later)).toBeNull();
    expect(await pickCode(vault, grant, sender(SITE), later)).toBeNull();
    grant = await picked();
    expect(await pickCode(vault, grant, sender('https://evil.example'), later)).toBeNull();
    // Past the field's 5 minutes (and the rest of the code's period, 20 s here): nothing.
    grant = await picked();
    expect(await pickCode(vault, grant, sender(SITE), NOW + 5 * 60_000 + 20_000 + 10_001)).toBeNull();
    // The account is no longer one this site may be given (bound to another site meanwhile): nothing.
    grant = await picked();
    await vault.mutate((data, now) => ({
      data: updateAccount(data, ids[0]!, { sites: ['https://other.example'] }, { now }),
      result: null,
    }));
    expect(await pickCode(vault, grant, sender(SITE), later)).toBeNull();
  });

  it('each tab has its own pick: a later click in another tab does not replace it, and the popup fills the pick it names', async () => {
    const { vault, ids } = await vaultWith([{ sites: [] }]);
    await fillChoose(services(vault), sender(SITE, 'doc-a', tab));
    await fillChoose(services(vault), sender('https://evil.example', 'doc-b', tab + 500));
    const first = (await pendingPick(vault, tab, NOW))!;
    const second = (await pendingPick(vault, tab + 500, NOW))!;
    expect([first.host, second.host]).toEqual(['mail.example', 'evil.example']);
    expect(await pendingPick(vault, tab + 1000, NOW)).toBeNull(); // a tab that clicked nothing
    expect(await pendingPick(vault, null, NOW)).toBeNull();
    await pickAccount(vault, choice(first.id, ids[0]!), NOW);
    expect(sent.map((m) => [m.tabId, m.options])).toEqual([[tab, { frameId: 3, documentId: 'doc-a' }]]);
    // The other tab's pick is still there, and an id never issued is refused.
    expect((await pendingPick(vault, tab + 500, NOW))?.id).toBe(second.id);
    await expect(pickAccount(vault, choice('not-a-pick', ids[0]!), NOW)).rejects.toMatchObject({
      code: 'fill/pick-gone',
    });
    await expect(Promise.resolve().then(() => cancelPick('not-a-pick'))).rejects.toMatchObject({
      code: 'fill/pick-gone',
    });
  });

  it("a lookalike site: the pick carries the warning, and filling needs the user's confirmation", async () => {
    const { vault, ids } = await vaultWith([{ sites: [SITE] }, { sites: [] }]);
    await fillChoose(services(vault), sender('https://mai1.example'));
    const pending = (await pendingPick(vault, tab, NOW))!;
    expect(pending.lookalike).toEqual({
      site: 'mai1.example',
      like: 'mail.example',
      kind: 'site',
      reason: 'confusable',
    });
    await expect(pickAccount(vault, choice(pending.id, ids[1]!, true), NOW)).rejects.toMatchObject({
      code: 'fill/lookalike-unconfirmed',
    });
    expect(sent).toEqual([]);
    expect(await pickAccount(vault, choice(pending.id, ids[1]!, false, true), NOW)).toEqual({ filled: true });
    expect(await vault.read((data) => data.accounts[1]!.sites)).toEqual([]);
  });

  it('without "always" nothing is bound; a pick expires after two minutes', async () => {
    const { vault, ids } = await vaultWith([{ sites: [] }]);
    await fillChoose(services(vault), sender(SITE));
    const { id } = (await pendingPick(vault, tab))!;
    expect(await pickAccount(vault, choice(id, ids[0]!), Date.now())).toEqual({ filled: true });
    expect(await vault.read((data) => data.accounts[0]!.sites)).toEqual([]);
    await fillChoose(services(vault), sender(SITE));
    const late = (await pendingPick(vault, tab))!;
    expect(await pendingPick(vault, tab, Date.now() + 121_000)).toBeNull();
    await expect(pickAccount(vault, choice(late.id, ids[0]!), Date.now() + 121_000)).rejects.toMatchObject({
      code: 'fill/pick-gone',
    });
  });

  it('refuses a sandboxed frame (origin "null") and a sender without a tab', async () => {
    const { vault } = await vaultWith([{ sites: [] }]);
    await expect(
      fillChoose(services(vault), { origin: 'null', tab: { id: 1 }, url: `${SITE}/x` }),
    ).rejects.toMatchObject({ code: 'protocol/bad-request' });
    await expect(fillChoose(services(vault), { origin: SITE })).rejects.toMatchObject({ code: 'protocol/bad-request' });
  });

  it("after an unlock asked for by the button: fills the active tab's pick at once when exactly one account is the site's", async () => {
    const { vault } = await vaultWith([{ sites: [SITE] }]);
    await vault.lock();
    await fillChoose(services(vault), sender(SITE, 'doc-9'));
    expect(await pendingPick(vault, tab, Date.now())).toBeNull(); // locked: nothing to show yet
    await vault.unlock('correct horse battery');
    await finishPickAfterUnlock(vault, tab + 1); // another tab is in front: not this pick
    expect(sent).toEqual([]);
    await finishPickAfterUnlock(vault, tab);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ tabId: tab, options: { frameId: 3, documentId: 'doc-9' } });
    expect(await pendingPick(vault, tab)).toBeNull();
  });

  it('a cancelled pick is gone: nothing to show, nothing filled after an unlock', async () => {
    const { vault } = await vaultWith([{ sites: [SITE] }]);
    await fillChoose(services(vault), sender(SITE));
    cancelPick((await pendingPick(vault, tab))!.id);
    expect(await pendingPick(vault, tab)).toBeNull();
    await finishPickAfterUnlock(vault, tab);
    expect(sent).toEqual([]);
  });

  it('after unlock with several site accounts: nothing is sent, the popup lets the user pick', async () => {
    const { vault } = await vaultWith([{ sites: [SITE] }, { sites: [SITE] }]);
    await fillChoose(services(vault), sender(SITE));
    await finishPickAfterUnlock(vault, tab);
    expect(sent).toEqual([]);
    expect((await pendingPick(vault, tab))?.ids).toHaveLength(2);
  });

  describe('per-origin options (vault v4)', () => {
    it('password + code and auto-submit hold for the origin they were set on, not the rest of its registrable domain', async () => {
      const PANEL = 'https://panel.mail.example';
      const { vault } = await vaultWith([{ sites: [SITE], fill: { appendOn: [PANEL], submitOn: [SITE] } }]);
      // The panel wants password and code in one field; the webmail on the same domain does not.
      expect(await fillRequest(services(vault), from(PANEL), { append: true }, NOW)).toMatchObject({
        kind: 'code',
        submit: false,
      });
      expect(await fillRequest(services(vault), from(SITE), { append: true }, NOW)).toEqual({ kind: 'none' });
      // Auto-submit on the webmail only; the panel gets its code without it.
      expect(await fillRequest(services(vault), from(SITE), SEEN, NOW)).toMatchObject({ kind: 'code', submit: true });
      expect(await fillRequest(services(vault), from(PANEL), SEEN, NOW)).toMatchObject({ kind: 'code', submit: false });
    });
  });
});

describe('fill/request: a frame of the site that another site embeds further up (A → B → A)', () => {
  /** The tab's frames: the top page (0), a frame of `middle` in it (2), the login page in that (4). */
  const chain = (middle: string, top = `${SITE}/home`) => ({
    0: { url: top, parentFrameId: -1 },
    2: { url: `${middle}/widget`, parentFrameId: 0 },
    4: { url: `${SITE}/login`, parentFrameId: 2 },
  });
  const inner = (top = `${SITE}/home`) => from(SITE, { frameId: 4, top });
  const withTree = async <T>(tree: typeof frameTree, run: () => Promise<T>): Promise<T> => {
    frameTree = tree;
    try {
      return await run();
    } finally {
      frameTree = null;
    }
  };

  it('mail.example → evil.example → mail.example/login: the button, not a code (the control, all of the site, fills)', async () => {
    const { vault } = await vaultWith([{ sites: [SITE] }]);
    const across = await withTree(chain('https://evil.example'), () =>
      fillRequest(services(vault), inner(), SEEN, NOW),
    );
    expect(across).toEqual({ kind: 'framed' });
    const within = await withTree(chain('https://help.mail.example'), () =>
      fillRequest(services(vault), inner(), SEEN, NOW),
    );
    expect(within).toEqual(expect.objectContaining({ kind: 'code', code: code(0) }));
  });

  it('a frame tree the browser cannot give (the frame is gone, or went to another document since it asked): the button', async () => {
    const { vault } = await vaultWith([{ sites: [SITE] }]);
    const gone = await withTree({ 0: { url: `${SITE}/`, parentFrameId: -1 } }, () =>
      fillRequest(services(vault), inner(), SEEN, NOW),
    );
    expect(gone).toEqual({ kind: 'framed' });
    // Chrome names the document: the frame now shows another one than the one that asked.
    const moved = {
      ...chain('https://help.mail.example'),
      4: { url: `${SITE}/login`, parentFrameId: 2, documentId: 'doc-2' },
    };
    expect(await withTree(moved, () => fillRequest(services(vault), inner(), SEEN, NOW))).toEqual({ kind: 'framed' });
  });

  it("the tab grant of a popup click is not used up by the nested frame; the page's own field gets it", async () => {
    const { vault } = await vaultWith([{ sites: [SITE] }]);
    sent.length = 0;
    await fillActiveTab();
    const { grant } = sent[0]!.message as { grant: string };
    const nested = await withTree(chain('https://evil.example'), () =>
      fillRequest(services(vault, false), inner(), { grant }, NOW),
    );
    expect(nested.kind).not.toBe('code');
    expect((await fillRequest(services(vault, false), from(SITE), { grant }, NOW)).kind).toBe('code');
  });

  it('an account narrowed to its exact origin: a user-content subdomain framing that origin gets the button; framed by the origin itself, a code', async () => {
    const { vault } = await vaultWith([{ sites: [SITE], fill: { exactOrigin: true } }]);
    const byUser = await withTree(
      { 0: { url: 'https://user1.mail.example/', parentFrameId: -1 }, 4: { url: `${SITE}/login`, parentFrameId: 0 } },
      () => fillRequest(services(vault), inner('https://user1.mail.example/'), SEEN, NOW),
    );
    expect(byUser).toEqual({ kind: 'framed' });
    const byItself = await withTree(
      { 0: { url: `${SITE}/home`, parentFrameId: -1 }, 4: { url: `${SITE}/login`, parentFrameId: 0 } },
      () => fillRequest(services(vault), inner(), SEEN, NOW),
    );
    expect(byItself).toEqual(expect.objectContaining({ kind: 'code', code: code(0) }));
  });

  describe('clickjacking a framed login: the button opens the popup, which names the framing site', () => {
    const choice = (pickId: string, id: string) => ({ pickId, id, always: false, despiteLookalike: false });
    /** The login frame (4) in tab `tabId`, under `tree`; its button's click, then the pick the popup shows. */
    const clickIn = async (vault: Vault, tree: NonNullable<typeof frameTree>, tabId: number, top: string) => {
      const at = { ...inner(top), tab: { id: tabId, url: top } };
      await withTree(tree, () => fillChoose(services(vault), at));
      return pendingPick(vault, tabId);
    };

    it('evil.example frames the login: no grant for our button; the pick names evil.example and fills from the popup', async () => {
      const { vault, ids } = await vaultWith([{ sites: [SITE] }]);
      const tree = {
        0: { url: 'https://evil.example/prize', parentFrameId: -1 },
        4: { url: `${SITE}/login`, parentFrameId: 0 },
      };
      const answer = await withTree(tree, () =>
        fillRequest(services(vault, false), inner('https://evil.example/prize'), SEEN, NOW),
      );
      expect(answer).toEqual({ kind: 'framed' });
      const pick = await clickIn(vault, tree, 500, 'https://evil.example/prize');
      expect(pick).toMatchObject({ site: 'mail.example', ids, framedBy: 'evil.example' });
      sent.length = 0;
      expect(await pickAccount(vault, choice(pick!.id, ids[0]!), NOW)).toEqual({ filled: true });
      expect(sent[0]).toMatchObject({ tabId: 500, options: { frameId: 4 } });
    });

    it("a framed pick's code brings no refresh grant: the frame gets no later code without the popup (the control, framed by the site, does)", async () => {
      const { vault, ids } = await vaultWith([{ sites: [SITE] }]);
      /** The popup's pick for the login frame under `tree`; the answer the frame's ask for its code got. */
      const pickedUnder = async (tree: NonNullable<typeof frameTree>, tabId: number) => {
        const top = tree[0]!.url;
        const at = { ...inner(top), tab: { id: tabId, url: top } };
        let first: { code?: string; grant?: string } | null = null;
        frame = async (message) => {
          first = await pickCode(vault, message.grant as string, at, NOW);
          return { filled: true };
        };
        const pick = await clickIn(vault, tree, tabId, top);
        await pickAccount(vault, choice(pick!.id, ids[0]!), NOW);
        return first as { code?: string; grant?: string } | null;
      };
      const evil = await pickedUnder(
        { 0: { url: 'https://evil.example/prize', parentFrameId: -1 }, 4: { url: `${SITE}/login`, parentFrameId: 0 } },
        510,
      );
      expect(evil).toMatchObject({ kind: 'code', code: code(0) }); // the pick itself fills, from the popup
      expect(evil).not.toHaveProperty('grant');
      const own = await pickedUnder(chain('https://help.mail.example'), 511);
      expect(own).toMatchObject({ kind: 'code', code: code(0), grant: expect.any(String) });
    });

    it('A → B → A names the middle site; a tree the browser cannot give, nobody (""); the site itself, no warning', async () => {
      const { vault } = await vaultWith([{ sites: [SITE] }]);
      expect((await clickIn(vault, chain('https://evil.example'), 501, `${SITE}/home`))?.framedBy).toBe('evil.example');
      expect((await clickIn(vault, {}, 502, `${SITE}/home`))?.framedBy).toBe('');
      expect((await clickIn(vault, chain('https://help.mail.example'), 503, `${SITE}/home`))?.framedBy).toBeNull();
    });

    it('locked: the unlock fills a framed pick only from the popup, never at once (the control, framed by the site, does)', async () => {
      const { vault } = await vaultWith([{ sites: [SITE] }]);
      await vault.lock();
      await clickIn(vault, chain('https://evil.example'), 504, `${SITE}/home`);
      await clickIn(vault, chain('https://help.mail.example'), 505, `${SITE}/home`);
      await vault.unlock('correct horse battery');
      sent.length = 0;
      await finishPickAfterUnlock(vault, 504);
      expect(sent).toEqual([]);
      expect((await pendingPick(vault, 504))?.framedBy).toBe('evil.example');
      await finishPickAfterUnlock(vault, 505);
      expect(sent).toHaveLength(1);
    });

    it('an account narrowed to its exact origin, framed by a user-content subdomain: the popup names that subdomain (framed by the origin itself, no warning)', async () => {
      const { vault } = await vaultWith([{ sites: [SITE], fill: { exactOrigin: true } }]);
      const byUser = {
        0: { url: 'https://user1.mail.example/', parentFrameId: -1 },
        4: { url: `${SITE}/login`, parentFrameId: 0 },
      };
      const answer = await withTree(byUser, () =>
        fillRequest(services(vault), inner('https://user1.mail.example/'), SEEN, NOW),
      );
      expect(answer).toEqual({ kind: 'framed' }); // our button opens the popup, as for another site
      expect((await clickIn(vault, byUser, 507, 'https://user1.mail.example/'))?.framedBy).toBe('user1.mail.example');
      const byItself = { 0: { url: `${SITE}/home`, parentFrameId: -1 }, 4: { url: `${SITE}/login`, parentFrameId: 0 } };
      expect((await clickIn(vault, byItself, 508, `${SITE}/home`))?.framedBy).toBeNull();
    });

    it('an account narrowed to its exact origin, framed by a user-content subdomain: the unlock does not fill it at once', async () => {
      const { vault } = await vaultWith([{ sites: [SITE], fill: { exactOrigin: true } }]);
      const tree = {
        0: { url: 'https://user1.mail.example/', parentFrameId: -1 },
        4: { url: `${SITE}/login`, parentFrameId: 0 },
      };
      await vault.lock();
      await clickIn(vault, tree, 506, 'https://user1.mail.example/');
      await vault.unlock('correct horse battery');
      sent.length = 0;
      await finishPickAfterUnlock(vault, 506);
      expect(sent).toEqual([]);
    });
  });
});
