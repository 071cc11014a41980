/**
 * The adapter test tier: the real background (its handlers, router, records and storage) over
 * @webext-core/fake-browser, which vitest.config.ts puts where src/platform imports the polyfill.
 * Tests drive it as the popup does (the real client, createPopupApi) and as a content script does
 * (a content-script sender from a tab); a frame's answers to background → content messages are
 * set per test. Every message crosses a JSON "wire" both ways, as extension messaging does.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { vi } from 'vitest';
import { createPopupApi, type Send } from '../../src/popup/client';
import { backgroundHandlers } from '../../src/background/messages';
import { createRouter } from '../../src/background/router';
import { createServices } from '../../src/background/services';
import { storagePorts } from '../../src/background/vault/storage-ports';
import { unwrap, type Reply } from '../../src/shared/result';
import type {
  BackgroundType,
  ContentType,
  Envelope,
  ResponseOf,
  ToBackground,
  ToContent,
} from '../../src/shared/protocol';

/** The fixed clock the tests read codes at (codes only change with time). */
export const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
/** A real vault, with a cheap KDF: the iterations are the one thing the tests turn down (speed). */
const TEST_ITERATIONS = 1_000;

const wire = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** Messages on their way to or from the background, and all ever sent: the DOM tests' `settle` waits for quiet. */
let inFlight = 0;
let total = 0;
const tick = () => new Promise((done) => setTimeout(done, 0));

/** Resolves once no message is in flight for a few macrotasks in a row (the UI has its answers). */
export async function idle(): Promise<void> {
  for (let quiet = 0; quiet < 5; quiet = inFlight === 0 ? quiet + 1 : 0) await tick();
}

/** How many messages were ever sent (a round of `settle` that sent none is the last). */
export const messagesSent = (): number => total;

async function counted<T>(work: () => Promise<T>): Promise<T> {
  total++;
  inFlight++;
  try {
    return await work();
  } finally {
    inFlight--;
  }
}

type FrameHandlers = {
  [K in ContentType]?: (
    message: Envelope<ToContent, K>,
  ) => ResponseOf<ToContent, K> | Promise<ResponseOf<ToContent, K>>;
};

export async function startBackground(pageUrl = 'https://example.test/login') {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  fakeBrowser.reset();
  const id = fakeBrowser.runtime.id;
  fakeBrowser.runtime.getManifest = () => ({ name: 'ClickAuth', version: '0.1.0', manifest_version: 3 });
  // The page the popup opens over: the active tab of the last focused normal window (the fake's "last
  // focused" is the window focused before the current one, here the popup's own window).
  const window = await fakeBrowser.windows.create({ type: 'normal', focused: true });
  await fakeBrowser.windows.create({ type: 'popup', focused: true });
  const tab = await fakeBrowser.tabs.create({ url: pageUrl, active: true, windowId: window!.id! });
  // The tab's content script: what each background → content message gets back (nothing by default).
  const frames: FrameHandlers = {};
  const toFrames: { tabId: number; message: { type: string } }[] = [];
  fakeBrowser.tabs.sendMessage = (async (tabId: number, message: { type: ContentType }) => {
    toFrames.push({ tabId, message: wire(message) });
    const handler = frames[message.type] as ((m: unknown) => unknown) | undefined;
    if (!handler) throw new Error('Could not establish connection. Receiving end does not exist.');
    return wire({ ok: true, value: await handler(wire(message)) });
  }) as typeof fakeBrowser.tabs.sendMessage;

  const services = createServices({ ...storagePorts(), iterations: async () => TEST_ITERATIONS });
  let unlockAsks = 0;
  services.askToUnlock = async () => void unlockAsks++;
  const route = createRouter(backgroundHandlers(services), { id, origin: fakeBrowser.runtime.getURL('') });

  /** Every message the popup sent, in order. */
  const sent: ({ type: BackgroundType } & Record<string, unknown>)[] = [];
  const popupSender = { id, url: fakeBrowser.runtime.getURL('src/popup/index.html') };
  const send: Send = async (message) => {
    sent.push(wire(message));
    return counted(async () => unwrap(wire((await route(wire(message), popupSender)) as Reply<never>)));
  };
  // The tab's frame tree (webNavigation.getFrame): each frame a page sent from sits right in the tab's page.
  const frameUrls = new Map<number, string>([[0, pageUrl]]);
  fakeBrowser.webNavigation.getFrame = (async ({ frameId }: { frameId: number }) => {
    const url = frameUrls.get(frameId);
    return url === undefined ? null : { url, parentFrameId: frameId === 0 ? -1 : 0 };
  }) as unknown as typeof fakeBrowser.webNavigation.getFrame;
  /** A message from the tab's content script (top frame unless said), as the browser describes its sender. */
  async function fromPage<K extends BackgroundType>(
    message: Envelope<ToBackground, K>,
    frame: { url?: string; frameId?: number } = {},
  ) {
    const url = frame.url ?? pageUrl;
    if (frame.frameId) frameUrls.set(frame.frameId, url);
    const sender = {
      id,
      url,
      origin: new URL(url).origin,
      tab: { id: tab.id!, url: pageUrl },
      frameId: frame.frameId ?? 0,
    };
    return unwrap(wire((await route(wire(message), sender)) as Reply<ResponseOf<ToBackground, K>>));
  }

  const clipboard: string[] = [];
  const opened: string[] = [];
  const api = createPopupApi(send, {
    writeClipboard: async (text) => void clipboard.push(text),
    openOptions: () => void opened.push('options'),
  });

  return {
    api,
    send,
    fromPage,
    services,
    tab,
    frames,
    toFrames,
    sent,
    clipboard,
    opened,
    unlockAsks: () => unlockAsks,
    /** The vault's accounts as the popup lists them (stored order). */
    accounts: async () => (await send({ type: 'accounts/list' })).accounts,
    /** The current code of account `id`, as the background computes it now. */
    code: async (id: string) => (await send({ type: 'codes/get', ids: [id] }))[0]!.code,
  };
}

export type Background = Awaited<ReturnType<typeof startBackground>>;

/** A new vault with `password` holding these accounts (one write), unlocked; `locked` locks it again. */
export async function withVault(
  bg: Background,
  uris: string[],
  { password = 'correct horse battery', locked = false } = {},
) {
  await bg.send({ type: 'vault/create', password });
  if (uris.length) {
    const { previewId, add } = await bg.send({ type: 'import/preview', data: uris.join('\n'), encoding: 'text' });
    await bg.send({ type: 'import/commit', previewId, expectedCount: add.length });
  }
  if (locked) await bg.send({ type: 'vault/lock' });
  bg.sent.length = 0;
  return bg;
}
