import { describe, expect, it } from 'vitest';
import { takeErrorReports } from '../../log-reports';
import { createRouter } from '../../../src/background/router';

const id = 'abcdefghijklmnopabcdefghijklmnop';
const origin = `chrome-extension://${id}/`;
const popup = { id, url: `${origin}src/popup/index.html` };
const contentScript = { id, url: 'https://evil.example/', tab: { id: 4 }, frameId: 0 };

function router(handler: () => unknown = () => ({ name: 'ClickAuth', version: '1.2.3' })) {
  return createRouter({ 'app/info': handler } as never, { id, origin });
}

describe('background router', () => {
  it('answers an allowed sender with {ok:true, value}', async () => {
    expect(await router()({ type: 'app/info' }, popup)).toEqual({
      ok: true,
      value: { name: 'ClickAuth', version: '1.2.3' },
    });
  });

  it('refuses a content script asking for an extension-page-only message', async () => {
    const reply = await router()({ type: 'app/info' }, contentScript);
    expect(reply).toEqual({ ok: false, error: { code: 'protocol/forbidden', message: expect.any(String) } });
  });

  it.each([null, undefined, 'app/info', {}, { type: 'vault/export' }, { type: 'toString' }, { type: '__proto__' }])(
    'refuses unknown message %j',
    async (message) => {
      const reply = await router()(message, popup);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('protocol/unknown-message');
    },
  );

  it('keeps a typed error code but hides untyped error messages', async () => {
    const typed = Object.assign(new Error('Wrong password'), { code: 'vault/wrong-password', field: 'password' });
    expect(await router(() => Promise.reject(typed))({ type: 'app/info' }, popup)).toEqual({
      ok: false,
      error: { code: 'vault/wrong-password', message: 'Wrong password', field: 'password' },
    });
    const leaky = new Error('secret JBSWY3DPEHPK3PXP');
    const reply = await router(() => {
      throw leaky;
    })({ type: 'app/info' }, popup);
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error' } });
    // The untyped failure is reported (redacted), not swallowed; the typed one is the user's answer.
    expect(takeErrorReports().map((report) => report.args[0])).toEqual(['handler failed']);
  });
});
