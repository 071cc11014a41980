/**
 * The content side of background → content messages (platform/runtime-lite.ts): only our own
 * background (no tab in the sender) is answered, only for a known type, and only when the request has
 * its record's fields (shared/messages/to-content.ts, CONTENT_FIELDS).
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from '../../fake-browser';

type Listener = (
  message: unknown,
  sender: { id?: string; tab?: unknown },
  respond: (reply: unknown) => void,
) => boolean | undefined;
let listener: Listener | undefined;
fakeBrowser({
  runtime: {
    id: 'clickauth-test',
    sendMessage: async () => ({ ok: true, value: {} }),
    onMessage: { addListener: (l: Listener) => (listener = l) },
  },
  i18n: { getMessage: () => '' },
});

const { onBackgroundMessage, sendToBackground } = await import('../../../src/platform/runtime-lite');
const { WAKE_HOOK } = await import('../../../src/shared/messages/to-content');
const shown: string[] = [];
onBackgroundMessage({ 'content/notice': async ({ text }) => (shown.push(text), {}) });
// Nothing listens (nor touches the extension API) until the background wakes the frame: on a page
// with nothing for us, the extension bindings are never built (issue 16).
const listeningBeforeWake = listener !== undefined;
(globalThis as unknown as Record<string, () => void>)[WAKE_HOOK]!();

const BACKGROUND = { id: 'clickauth-test' };

/** What the listener does with `message` from `sender`: the reply, or 'ignored'. */
async function deliver(message: unknown, sender: { id?: string; tab?: unknown } = BACKGROUND): Promise<unknown> {
  let reply: unknown;
  const answered = new Promise((done) => {
    const handled = listener!(message, sender, (r) => done((reply = r)));
    if (!handled) done((reply = 'ignored'));
  });
  await answered;
  return reply;
}

describe('onBackgroundMessage', () => {
  it('listens only once woken (background/send-to-frame.ts wakes a frame that did not answer)', () => {
    expect(listeningBeforeWake).toBe(false);
    expect(listener).toBeTypeOf('function');
  });

  it('adds one listener however often it is woken or talks to the background', async () => {
    const first = listener;
    (globalThis as unknown as Record<string, () => void>)[WAKE_HOOK]!();
    await sendToBackground({ type: 'app/info' } as never);
    expect(listener).toBe(first);
  });

  it('answers our background with a well-formed request (control)', async () => {
    expect(await deliver({ type: 'content/notice', text: 'Added' })).toEqual({ ok: true, value: {} });
    expect(shown).toEqual(['Added']);
  });

  it.each([
    ['a field of the wrong type', { type: 'content/notice', text: 5 }],
    ['a missing field', { type: 'content/notice' }],
    ['not an object', 'content/notice'],
    ['a type with no handler here', { type: 'content/scan' }],
    ['an unknown type', { type: 'content/steal', text: 'x' }],
    ['an inherited name', { type: 'toString', text: 'x' }],
  ])('ignores %s', async (_name, message) => {
    shown.length = 0;
    expect(await deliver(message)).toBe('ignored');
    expect(shown).toEqual([]);
  });

  it.each([
    ['a tab (a content script or page)', { id: 'clickauth-test', tab: { id: 1 } }],
    ['another extension', { id: 'other' }],
  ])('ignores a sender that is %s', async (_name, sender) => {
    shown.length = 0;
    expect(await deliver({ type: 'content/notice', text: 'x' }, sender)).toBe('ignored');
    expect(shown).toEqual([]);
  });
});
