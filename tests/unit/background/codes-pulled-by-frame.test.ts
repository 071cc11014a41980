/**
 * A site's one-time code never travels to a frame unasked (review rev-msg F2). Where the browser names
 * no document (Firefox), a frame id may hold another site's page by the time the user picks an account
 * in the popup or unlocks: the parent page of a framed login navigates its iframe to its own page, and
 * Firefox keeps the frame id. So the background only tells the frame that something is ready
 * (`content/pick-ready`, `content/enrolled`), and the frame asks for the code (`fill/pick-code`,
 * `enroll/outcome`); the background answers from what the browser says of the asker (`sender`), never
 * from the frame id it once sent to.
 *
 * Frame 3 of tab 7 is played here by a content script as a compromised renderer would run it: it asks
 * for everything it is told about, whatever document it is in now. What reaches it (the messages and
 * the answers to its asks) must hold no code once another site's page is in the frame; the controls
 * show that the site's own page still gets its code, on the real router and handlers.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryPorts } from './memory-ports';
import { fakeBrowser } from '../../fake-browser';
import { ClockStore } from '../../../src/background/clock/clock-store';

const SITE = 'https://mail.example.test';
const EVIL = 'https://evil.example.test';
const ID = 'clickauth-test';

/** What is in frame 3 of tab 7 now (the browser knows: webNavigation.getFrame, MessageSender.url). */
let frame3Url = `${SITE}/login`;
/** Everything frame 3's content script got: each message, and the answers to what it asked. */
const reached: { url: string; got: unknown[] }[] = [];
/** The frame's asks go through the real router, set up below. */
let ask: (message: Record<string, unknown>, sender: object) => Promise<unknown> = async () => null;

/** Chrome names the document in frame 3 now; Firefox does not (undefined). */
let frame3Doc: string | undefined;
/** The MessageSender for frame 3's content script as it is now (Firefox's: no documentId). */
const firefoxSender = (url = frame3Url) => ({
  id: ID,
  origin: new URL(url).origin,
  url,
  tab: { id: 7, url: `${EVIL}/` },
  frameId: 3,
  ...(frame3Doc && { documentId: frame3Doc }),
});

fakeBrowser({
  runtime: { id: ID, getURL: (path = '') => `chrome-extension://${ID}/${path}` },
  webNavigation: {
    getFrame: async ({ frameId }: { frameId: number }) =>
      frameId === 3 ? { url: frame3Url, parentFrameId: 0 } : { url: `${EVIL}/`, parentFrameId: -1 },
  },
  windows: { getLastFocused: async () => ({ id: 1 }) },
  tabs: {
    query: async () => [{ id: 7, url: `${EVIL}/`, windowId: 1 }],
    sendMessage: async (tabId: number, message: Record<string, unknown>, options: { frameId?: number }) => {
      if (tabId !== 7 || options?.frameId !== 3) throw new Error('Receiving end does not exist.');
      const url = frame3Url;
      const got: unknown[] = [message];
      reached.push({ url, got });
      // Whatever it is told, it asks for (as our content script does, and a compromised renderer would).
      if (message.type === 'content/pick-ready')
        got.push(await ask({ type: 'fill/pick-code', grant: message.grant }, firefoxSender(url)));
      if (message.type === 'content/enrolled')
        got.push(await ask({ type: 'enroll/outcome', token: message.token }, firefoxSender(url)));
      return { ok: true, value: { filled: true } };
    },
  },
  scripting: { executeScript: async () => [] },
});

const { VaultService } = await import('../../../src/background/vault/vault-service');
const { createRouter } = await import('../../../src/background/router');
const { backgroundHandlers } = await import('../../../src/background/messages');
const { fillChoose } = await import('../../../src/background/handlers/fill-choose');
const { pendingPick, pickAccount } = await import('../../../src/background/fill/pick');
const { remember } = await import('../../../src/background/enroll/pending');
const { enrollConfirm } = await import('../../../src/background/handlers/enroll-confirm');
const { finishEnrollmentsAfterUnlock } = await import('../../../src/background/enroll/after-unlock');
const { askAboutCapture, captureAccept } = await import('../../../src/background/enroll/capture-ask');
const { addAccount } = await import('../../../src/core/vault');

const noStore = {
  area: 'session',
  key: 'x',
  clearOn: 'lock',
  get: async () => undefined,
  set: async () => undefined,
  remove: async () => undefined,
} as const;

function services(vault: InstanceType<typeof VaultService>) {
  const s = {
    vault,
    settings: { ...noStore, area: 'local', get: async () => ({ autoLockMinutes: 15 as const, autofill: true }) },
    onSettingsChanged: () => undefined,
    activeOrigin: async () => null,
    askToUnlock: vi.fn(async () => undefined),
    clock: new ClockStore(noStore as never),
  } as never;
  const route = createRouter(backgroundHandlers(s), { id: ID, origin: `chrome-extension://${ID}/` });
  ask = async (message, sender) => {
    const reply = (await route(message as never, sender as never)) as { ok: boolean; value?: unknown };
    return reply.ok ? reply.value : null;
  };
  return s;
}

/** Every six-digit string anywhere in `value` (a code, whatever field carries it). */
function codesIn(value: unknown): string[] {
  if (typeof value === 'string') return /^\d{6}$/.test(value) ? [value] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(codesIn);
}
const codesReaching = (origin: string) =>
  reached.filter((r) => new URL(r.url).origin === origin).flatMap((r) => codesIn(r.got));

async function vaultWith(n: number) {
  const vault = new VaultService(memoryPorts().ports);
  await vault.create('correct horse battery');
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push(
      await vault.mutate((data, now) => {
        const r = addAccount(
          data,
          {
            type: 'totp',
            issuer: `Mail${i}`,
            account: 'alice',
            secret: new Uint8Array(10).fill(i + 1),
            algorithm: 'SHA1',
            digits: 6,
            period: 30,
            counter: 0,
            sites: [SITE],
          },
          { now },
        );
        return { data: r.vault, result: r.account.id };
      }),
    );
  return { vault, ids };
}

const qr = (captured: boolean, documentId?: string) =>
  remember({
    accounts: [
      {
        type: 'totp',
        issuer: 'Mail Example',
        account: 'bob',
        secret: new Uint8Array(10).fill(9),
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
      },
    ],
    tabId: 7,
    frameId: 3,
    documentId,
    origin: SITE,
    captured,
    batch: false,
  });

beforeEach(() => {
  reached.length = 0;
  frame3Url = `${SITE}/login`;
  frame3Doc = undefined;
});

describe('Firefox (no documentId): a frame that navigated to another site since gets no code', () => {
  async function pickInFrame3(navigateTo: string) {
    const { vault, ids } = await vaultWith(2); // two accounts: the button asks which one
    const s = services(vault);
    await fillChoose(s, firefoxSender());
    const pick = await pendingPick(vault, 7);
    expect(pick?.host).toBe('mail.example.test');
    frame3Url = navigateTo;
    return pickAccount(vault, { pickId: pick!.id, id: ids[0]!, always: false, despiteLookalike: false });
  }

  it('in-field pick: the parent navigated the login iframe to its own page before the pick', async () => {
    await pickInFrame3(`${EVIL}/catch.html`);
    expect(reached.map((r) => r.url)).toEqual([`${EVIL}/catch.html`]); // it was told something…
    expect(codesReaching(EVIL)).toEqual([]); // …but no code, neither pushed nor given when it asked
  });

  it('control: the login page still in the frame gets the picked code when it asks', async () => {
    expect(await pickInFrame3(`${SITE}/login`)).toEqual({ filled: true });
    expect(codesReaching(SITE).length).toBeGreaterThan(0);
    // Not on the message itself: only the answer to the frame's own ask carries it.
    expect(codesIn(reached[0]!.got[0])).toEqual([]);
  });

  async function unlockAfterQrClick(navigateTo: string) {
    const { vault } = await vaultWith(0);
    await vault.lock();
    const token = qr(false);
    expect((await enrollConfirm(services(vault), token, firefoxSender())).kind).toBe('locked');
    frame3Url = navigateTo;
    await vault.unlock('correct horse battery');
    await finishEnrollmentsAfterUnlock(vault);
  }

  it('QR clicked while locked: the frame holds another site when the user unlocks', async () => {
    await unlockAfterQrClick(`${EVIL}/catch.html`);
    expect(reached).toHaveLength(1);
    expect(codesReaching(EVIL)).toEqual([]);
  });

  it('control: the setup page still in the frame gets its confirmation code after the unlock', async () => {
    await unlockAfterQrClick(`${SITE}/setup`);
    expect(codesReaching(SITE).length).toBeGreaterThan(0);
    expect(codesIn(reached[0]!.got[0])).toEqual([]);
    expect(reached[0]!.got[1]).toMatchObject({ kind: 'added', account: 'bob' });
  });

  it('captured QR accepted in the popup ("Use it on the site"): the frame holds another site by then', async () => {
    const { vault } = await vaultWith(0);
    services(vault);
    const token = qr(true);
    askAboutCapture(token);
    frame3Url = `${EVIL}/catch.html`;
    await captureAccept(vault, token, { bind: true });
    expect(reached).toHaveLength(1);
    expect(codesReaching(EVIL)).toEqual([]);
  });

  it('control: a captured QR accepted with "Use it on the site" gives the page in the frame its code', async () => {
    const { vault } = await vaultWith(0);
    services(vault);
    const token = qr(true);
    askAboutCapture(token);
    await captureAccept(vault, token, { bind: true });
    expect(codesReaching(SITE).length).toBeGreaterThan(0);
  });

  it('a told outcome is given once: a second ask, even from the right frame, gets nothing', async () => {
    await unlockAfterQrClick(`${SITE}/setup`);
    const token = (reached[0]!.got[0] as { token: string }).token;
    expect(await ask({ type: 'enroll/outcome', token }, firefoxSender())).toBeNull();
  });
});

describe('Chrome (documentId): the outcome goes to the very document that clicked the QR', () => {
  async function acceptIn(documentNow: string) {
    const { vault } = await vaultWith(0);
    services(vault);
    const token = qr(true, 'doc-a');
    askAboutCapture(token);
    frame3Doc = documentNow;
    await captureAccept(vault, token, { bind: true });
    return reached.flatMap((r) => r.got.slice(1));
  }

  it('another document of the same origin in that frame (the page reloaded) gets nothing, even if the message reached it', async () => {
    expect(await acceptIn('doc-b')).toEqual([null]);
    expect(codesReaching(SITE)).toEqual([]);
  });

  it('control: the same document gets the outcome with its code', async () => {
    expect(await acceptIn('doc-a')).toEqual([
      expect.objectContaining({ kind: 'added', code: expect.stringMatching(/^\d{6}$/) }),
    ]);
  });
});
