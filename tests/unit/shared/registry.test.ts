/**
 * The message registry (shared/messages): every record has exactly one handler, a non-empty sender
 * list and a validator, and the router, built from the real records and the real handlers over the
 * in-memory browser, refuses a sender the record does not allow and a request its check refuses.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { toBackground, toContent, toOffscreen } from '../../../src/shared/messages';
import { backgroundHandlers } from '../../../src/background/messages';
import { createRouter } from '../../../src/background/router';
import { createServices } from '../../../src/background/services';

const KINDS = ['extension-page', 'content-script', 'background'];

function background() {
  const handlers = backgroundHandlers(createServices());
  const id = fakeBrowser.runtime.id;
  const route = createRouter(handlers, { id, origin: fakeBrowser.runtime.getURL('') });
  const popup = { id, url: fakeBrowser.runtime.getURL('src/popup/index.html') };
  const contentScript = {
    id,
    url: 'https://login.example/',
    origin: 'https://login.example',
    tab: { id: 7 },
    frameId: 0,
  };
  return { handlers, route, popup, contentScript };
}

beforeEach(() => fakeBrowser.reset());

describe('message registry', () => {
  it.each(Object.entries({ ...toBackground, ...toContent, ...toOffscreen }))(
    '%s: a non-empty list of known senders and a validator',
    (_type, record) => {
      expect(record.senders.length).toBeGreaterThan(0);
      for (const kind of record.senders) expect(KINDS).toContain(kind);
      expect(typeof record.validate).toBe('function');
      // A validator refuses what is not even an object.
      expect(record.validate(null)).toEqual(expect.any(String));
    },
  );

  it('every background record has exactly one handler, and every handler a record', () => {
    const { handlers } = background();
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(toBackground).sort());
    for (const handler of Object.values(handlers)) expect(typeof handler).toBe('function');
  });

  it('background → frame records are sent by the background only', () => {
    for (const record of [...Object.values(toContent), ...Object.values(toOffscreen)])
      expect(record.senders).toEqual(['background']);
  });
});

describe('router over the real records and handlers', () => {
  it('answers an allowed sender with a well-formed request (control)', async () => {
    const { route, popup } = background();
    expect(await route({ type: 'vault/status' }, popup)).toEqual({ ok: true, value: { state: 'empty' } });
  });

  it.each([
    ['a content script asking for the account list', 'contentScript', { type: 'accounts/list' }],
    ['a content script creating a vault', 'contentScript', { type: 'vault/create', password: 'correct horse battery' }],
    ['the popup sending a content-script message', 'popup', { type: 'fill/request' }],
  ] as const)('refuses %s (protocol/forbidden)', async (_name, who, message) => {
    const setup = background();
    const reply = await setup.route(message, setup[who]);
    expect(reply).toEqual({ ok: false, error: { code: 'protocol/forbidden', message: expect.any(String) } });
    expect(await setup.route({ type: 'vault/status' }, setup.popup)).toEqual({ ok: true, value: { state: 'empty' } });
  });

  it.each([
    ['a password that is not a string', { type: 'vault/create', password: 12345678 }],
    ['an unknown key', { type: 'vault/create', password: 'correct horse battery', admin: true }],
    ['settings with an unknown auto-lock', { type: 'settings/set', settings: { autoLockMinutes: 7, autofill: true } }],
    // The old router ran these two straight into their handlers (no check for them): settings were saved.
    [
      'settings with an extra key',
      { type: 'settings/set', settings: { autoLockMinutes: 5, autofill: true }, debug: true },
    ],
    [
      'a URI with sites that are not a list',
      { type: 'accounts/add-uri', uri: 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP', sites: 'https://evil.example' },
    ],
    [
      'a patch with a field that cannot be edited',
      { type: 'accounts/update', id: 'a1', patch: { secret: 'JBSWY3DPEHPK3PXP' } },
    ],
  ])('refuses %s (protocol/bad-request) and changes nothing', async (_name, message) => {
    const { route, popup } = background();
    const reply = await route(message, popup);
    expect(reply).toMatchObject({ ok: false, error: { code: 'protocol/bad-request', message: expect.any(String) } });
    expect(await route({ type: 'vault/status' }, popup)).toEqual({ ok: true, value: { state: 'empty' } });
  });

  it('a content script gets its own messages through (control): fill/request on a locked vault', async () => {
    const { route, contentScript } = background();
    expect(await route({ type: 'fill/request' }, contentScript)).toMatchObject({ ok: true });
  });
});
