/**
 * Finding 11: every message from a content script is checked at run time (shape, sizes, types) before
 * its handler runs. Table-driven: each malformed payload gets `protocol/bad-request` and the handler is
 * never called; each well-formed one reaches the handler.
 */
import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../../src/background/router';
import type { BackgroundType } from '../../../src/shared/protocol';
import { toBackground } from '../../../src/shared/messages';
import { MAX_DATA_URL } from '../../../src/shared/image-limits';

const id = 'abcdefghijklmnopabcdefghijklmnop';
const origin = `chrome-extension://${id}/`;
const popup = { id, url: `${origin}src/popup/index.html` };
const contentScript = { id, url: 'https://evil.example/', tab: { id: 4 }, frameId: 0 };

const TOKEN = '0b9d6c7e-2f4a-4c1e-9a55-3d2e1f0a9b8c';
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const URI = 'otpauth://totp/Acme:alice?secret=JBSWY3DPEHPK3PXP&issuer=Acme';
const rect = { x: 10, y: 20.5, width: 200, height: 200 };
const long = (n: number, prefix = '') => prefix + 'a'.repeat(n - prefix.length);
const codes = (n: number, length = 10) => Array.from({ length: n }, (_, i) => String(i).padStart(length, '0'));

type Case = [BackgroundType, Record<string, unknown>];

const wellFormed: Case[] = [
  ['fill/request', {}],
  [
    'fill/request',
    {
      accountId: 'a1b2',
      grant: '0f8fad5b-d9cb-469f-a165-70867728950e',
      visible: true,
      consecutive: false,
      append: false,
    },
  ],
  ['fill/request', { grant: undefined }],
  ['fill/choose', {}],
  ['ui/load', {}],
  ['enroll/candidate', { source: { kind: 'url', url: 'https://cdn.example/qr.png?x=1' } }],
  ['enroll/candidate', { source: { kind: 'url', url: 'http://localhost:8080/qr.png' } }],
  ['enroll/candidate', { source: { kind: 'url', url: PNG } }],
  ['enroll/candidate', { source: { kind: 'png', dataUrl: PNG } }],
  ['enroll/candidate', { source: { kind: 'png', dataUrl: long(MAX_DATA_URL, 'data:image/png;base64, ') } }],
  ['enroll/candidate', { source: { kind: 'uri', uri: URI } }],
  [
    'enroll/candidate',
    {
      source: {
        kind: 'uri',
        uri: 'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SBGFsaWNlGgRBY21lIAEoATACEAEYASAA',
      },
    },
  ],
  ['enroll/candidate', { source: { kind: 'capture', rect, viewport: 1280 } }],
  ['enroll/confirm', { token: TOKEN }],
  ['enroll/undo', { token: TOKEN.toUpperCase() }],
  ['enroll/reenroll', { token: TOKEN, choice: 'replace' }],
  ['enroll/reenroll', { token: TOKEN, choice: 'keep' }],
  ['enroll/code', { token: TOKEN }],
  ['enroll/outcome', { token: TOKEN }],
  ['fill/pick-code', { grant: TOKEN }],
  ['enroll/backup-codes', { token: TOKEN, codes: codes(10) }],
  ['enroll/backup-codes', { token: TOKEN, codes: [] }],
  ['enroll/backup-codes', { token: TOKEN, codes: codes(64, 64) }],
];

const malformed: [string, ...Case][] = [
  ['explicit: a claim that the user asked (only a grant proves it)', 'fill/request', { explicit: true }],
  ['visible as a string', 'fill/request', { visible: 'true' }],
  ['consecutive as 1', 'fill/request', { consecutive: 1 }],
  ['a grant that is not a token', 'fill/request', { grant: 'let-me-in' }],
  ['a pick grant that is not a token', 'fill/pick-code', { grant: 'let-me-in' }],
  ['a pick grant and a code of its own', 'fill/pick-code', { grant: TOKEN, code: '123456' }],
  ['no token', 'enroll/outcome', {}],
  ['append as null', 'fill/request', { append: null }],
  ['accountId as a number', 'fill/request', { accountId: 5 }],
  ['empty accountId', 'fill/request', { accountId: '' }],
  ['accountId of 129 characters', 'fill/request', { accountId: long(129) }],
  ['accountId as an object', 'fill/request', { accountId: { toString: 'x' } }],
  ['an origin of its own choosing', 'fill/request', { origin: 'https://bank.example' }],
  ['an unknown key', 'fill/choose', { tabId: 3 }],
  ['a files list', 'ui/load', { files: ['evil.js'] }],
  ['no source', 'enroll/candidate', {}],
  ['a null source', 'enroll/candidate', { source: null }],
  ['an array source', 'enroll/candidate', { source: [{ kind: 'url', url: 'https://a.example/' }] }],
  ['an unknown kind', 'enroll/candidate', { source: { kind: 'file', path: '/etc/passwd' } }],
  ['kind "__proto__"', 'enroll/candidate', { source: { kind: '__proto__' } }],
  ['a javascript: URL', 'enroll/candidate', { source: { kind: 'url', url: 'javascript:alert(1)' } }],
  ['a file: URL', 'enroll/candidate', { source: { kind: 'url', url: 'file:///etc/passwd' } }],
  ['a chrome-extension: URL', 'enroll/candidate', { source: { kind: 'url', url: `${origin}manifest.json` } }],
  ['a blob: URL', 'enroll/candidate', { source: { kind: 'url', url: 'blob:https://a.example/0b9d6c7e' } }],
  ['a relative URL', 'enroll/candidate', { source: { kind: 'url', url: '/qr.png' } }],
  ['a URL over 8 KB', 'enroll/candidate', { source: { kind: 'url', url: long(8193, 'https://a.example/?') } }],
  ['a URL as a number', 'enroll/candidate', { source: { kind: 'url', url: 42 } }],
  [
    'a URL with extra options',
    'enroll/candidate',
    { source: { kind: 'url', url: 'https://a.example/q.png', credentials: 'include' } },
  ],
  [
    'a png that is not a data: image',
    'enroll/candidate',
    { source: { kind: 'png', dataUrl: 'https://a.example/q.png' } },
  ],
  [
    'a png over the size limit',
    'enroll/candidate',
    { source: { kind: 'png', dataUrl: long(MAX_DATA_URL + 1, 'data:image/png;base64,') } },
  ],
  [
    // The review's flood: a QR PNG padded with a 7 MB text chunk (Chrome carries up to 64 MB).
    'a png padded to 7 MB',
    'enroll/candidate',
    { source: { kind: 'png', dataUrl: long(7 * 1024 * 1024, 'data:image/png;base64,') } },
  ],
  ['a uri that is not otpauth', 'enroll/candidate', { source: { kind: 'uri', uri: 'https://a.example/' } }],
  ['a uri over 4 KB', 'enroll/candidate', { source: { kind: 'uri', uri: long(4097, URI) } }],
  ['a capture without rect', 'enroll/candidate', { source: { kind: 'capture', viewport: 1280 } }],
  [
    'a rect with NaN',
    'enroll/candidate',
    { source: { kind: 'capture', rect: { ...rect, x: Number.NaN }, viewport: 1280 } },
  ],
  [
    'a rect with Infinity',
    'enroll/candidate',
    { source: { kind: 'capture', rect: { ...rect, width: Infinity }, viewport: 1280 } },
  ],
  [
    'a rect with a negative width',
    'enroll/candidate',
    { source: { kind: 'capture', rect: { ...rect, width: -1 }, viewport: 1280 } },
  ],
  [
    'a rect far off screen',
    'enroll/candidate',
    { source: { kind: 'capture', rect: { ...rect, y: 1e9 }, viewport: 1280 } },
  ],
  [
    'a rect as strings',
    'enroll/candidate',
    { source: { kind: 'capture', rect: { ...rect, x: '10' }, viewport: 1280 } },
  ],
  [
    'a rect with an extra key',
    'enroll/candidate',
    { source: { kind: 'capture', rect: { ...rect, tabId: 9 }, viewport: 1280 } },
  ],
  ['a zero viewport', 'enroll/candidate', { source: { kind: 'capture', rect, viewport: 0 } }],
  ['a viewport as a string', 'enroll/candidate', { source: { kind: 'capture', rect, viewport: '1280' } }],
  ['an extra top-level key', 'enroll/candidate', { source: { kind: 'uri', uri: URI }, origin: 'https://bank.example' }],
  ['no token', 'enroll/confirm', {}],
  ['a short token', 'enroll/confirm', { token: 'abc' }],
  ['a token as a number', 'enroll/confirm', { token: 123 }],
  ['a token with a suffix', 'enroll/confirm', { token: `${TOKEN}0` }],
  ['a token and an extra key', 'enroll/confirm', { token: TOKEN, accounts: [] }],
  ['a token as an array', 'enroll/undo', { token: [TOKEN] }],
  ['a non-hex token', 'enroll/undo', { token: 'zb9d6c7e-2f4a-4c1e-9a55-3d2e1f0a9b8c' }],
  ['an unknown answer', 'enroll/reenroll', { token: TOKEN, choice: 'delete-all' }],
  ['an answer naming the old account', 'enroll/reenroll', { token: TOKEN, choice: 'replace', id: 'old' }],
  ['a token and an extra key', 'enroll/code', { token: TOKEN, id: 'x' }],
  ['codes not a list', 'enroll/backup-codes', { token: TOKEN, codes: 'a,b,c' }],
  ['65 codes', 'enroll/backup-codes', { token: TOKEN, codes: codes(65) }],
  ['a code of 65 characters', 'enroll/backup-codes', { token: TOKEN, codes: [long(65)] }],
  ['a code as a number', 'enroll/backup-codes', { token: TOKEN, codes: ['12345678', 12345678] }],
  ['codes without a token', 'enroll/backup-codes', { codes: codes(5) }],
  ['codes with a bad token', 'enroll/backup-codes', { token: 'x', codes: codes(5) }],
];

const contentTypes = (Object.keys(toBackground) as BackgroundType[]).filter((t) =>
  toBackground[t].senders.includes('content-script'),
);

function setup() {
  const handlers = Object.fromEntries(contentTypes.map((type) => [type, vi.fn(() => ({ handled: type }))]));
  return { handlers, route: createRouter(handlers as never, { id, origin }) };
}

describe('router: run-time checks of content-script requests', () => {
  it('covers every message a content script may send', () => {
    expect(new Set(wellFormed.map(([type]) => type))).toEqual(new Set(contentTypes));
    expect(new Set(malformed.map(([, type]) => type))).toEqual(new Set(contentTypes));
  });

  it.each(wellFormed)('%s (case %#): the handler runs', async (type, request) => {
    const { handlers, route } = setup();
    const reply = await route({ type, ...request }, contentScript);
    expect(reply).toEqual({ ok: true, value: { handled: type } });
    expect(handlers[type]).toHaveBeenCalledOnce();
  });

  it.each(malformed)('%s (%s): protocol/bad-request, the handler never runs', async (_name, type, request) => {
    const { handlers, route } = setup();
    const reply = await route({ type, ...request }, contentScript);
    expect(reply).toMatchObject({ ok: false, error: { code: 'protocol/bad-request', message: expect.any(String) } });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    [
      'an own __proto__ key (as JSON.parse makes it)',
      JSON.parse(`{"type":"fill/choose","__proto__":{"explicit":true}}`),
    ],
    ['an object with another prototype', Object.assign(Object.create({ token: TOKEN }), { type: 'enroll/confirm' })],
    ['a class instance', Object.assign(new (class Fake {})(), { type: 'ui/load' })],
  ])('%s: refused', async (_name, message) => {
    const { handlers, route } = setup();
    expect(await route(message, contentScript)).toMatchObject({ ok: false, error: { code: 'protocol/bad-request' } });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('says which field is wrong, never what it held', async () => {
    const { route } = setup();
    const reply = await route({ type: 'enroll/backup-codes', token: TOKEN, codes: ['SECRET-CODE', 7] }, contentScript);
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringContaining('codes[1]') } });
    expect(JSON.stringify(reply)).not.toContain('SECRET-CODE');
  });

  it('checks extension-page requests that have a check too', async () => {
    const handler = vi.fn(() => ({}));
    const route = createRouter({ 'accounts/delete': handler } as never, { id, origin });
    expect(await route({ type: 'accounts/delete', id: { $ne: 1 } }, popup)).toMatchObject({
      ok: false,
      error: { code: 'protocol/bad-request' },
    });
    expect(handler).not.toHaveBeenCalled();
    expect(await route({ type: 'accounts/delete', id: 'a1' }, popup)).toEqual({ ok: true, value: {} });
  });

  it('import/commit: the positions to replace are checked too (a list of small whole numbers)', async () => {
    const handler = vi.fn(() => ({}));
    const route = createRouter({ 'import/commit': handler } as never, { id, origin });
    const commit = { type: 'import/commit', previewId: 'p1', expectedCount: 2 };
    for (const replace of ['0,1', [0, -1], [1.5], [{ id: 'old' }]]) {
      expect(await route({ ...commit, replace }, popup)).toMatchObject({
        ok: false,
        error: { code: 'protocol/bad-request' },
      });
    }
    expect(handler).not.toHaveBeenCalled();
    expect(await route({ ...commit, replace: [0, 1] }, popup)).toEqual({ ok: true, value: {} });
    expect(await route(commit, popup)).toEqual({ ok: true, value: {} });
  });

  it('a sender check comes first: a content script sending a page message is forbidden, not a bad request', async () => {
    const { route } = setup();
    expect(await route({ type: 'accounts/delete', id: 5 }, contentScript)).toMatchObject({
      ok: false,
      error: { code: 'protocol/forbidden' },
    });
  });
});

describe("router: popup/open (the popup's first paint in one round trip)", () => {
  const setupOpen = () => {
    const handler = vi.fn(() => ({ status: { state: 'locked' }, unlocked: null }));
    return { handler, route: createRouter({ 'popup/open': handler } as never, { id, origin }) };
  };

  it('from the popup, with nothing but its type: the handler runs', async () => {
    const { handler, route } = setupOpen();
    expect(await route({ type: 'popup/open' }, popup)).toEqual({
      ok: true,
      value: { status: { state: 'locked' }, unlocked: null },
    });
    expect(handler).toHaveBeenCalledOnce();
  });

  it.each([
    ['a row count of its own choosing', { rows: 100_000 }],
    ['an origin of its own choosing', { origin: 'https://bank.example' }],
  ])('%s: protocol/bad-request, the handler never runs', async (_name, request) => {
    const { handler, route } = setupOpen();
    expect(await route({ type: 'popup/open', ...request }, popup)).toMatchObject({
      ok: false,
      error: { code: 'protocol/bad-request' },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('from a content script: forbidden, the handler never runs', async () => {
    const { handler, route } = setupOpen();
    expect(await route({ type: 'popup/open' }, contentScript)).toMatchObject({
      ok: false,
      error: { code: 'protocol/forbidden' },
    });
    expect(handler).not.toHaveBeenCalled();
  });
});
