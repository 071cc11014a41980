import { describe, expect, it } from 'vitest';
import { classifySender, senderOrigin, type SenderLike } from '../../../src/shared/sender';

const id = 'abcdefghijklmnopabcdefghijklmnop';
const origin = `chrome-extension://${id}/`;

describe('classifySender decides from the browser-provided sender only', () => {
  const cases: [string, SenderLike, ReturnType<typeof classifySender>][] = [
    ['popup (no tab)', { id, url: `${origin}src/popup/index.html` }, 'extension-page'],
    ['options page in a tab', { id, url: `${origin}src/options/index.html`, tab: { id: 3 } }, 'extension-page'],
    [
      'content script on https',
      { id, url: 'https://mail.example.com/login', tab: { id: 7 }, frameId: 0 },
      'content-script',
    ],
    ['content script on http', { id, url: 'http://site-a.test:8080/', tab: { id: 7 } }, 'content-script'],
    ['another extension', { id: 'otherotherotherotherotherotherot', url: 'chrome-extension://other/x.html' }, null],
    ['our id but a foreign extension URL', { id, url: 'chrome-extension://other/x.html' }, null],
    ['http URL without a tab', { id, url: 'https://example.com/' }, null],
    ['file: page', { id, url: 'file:///etc/passwd', tab: { id: 1 } }, null],
    ['no url', { id }, null],
    ['garbage url', { id, url: 'not a url', tab: { id: 1 } }, null],
  ];
  it.each(cases)('%s', (_name, sender, expected) => {
    expect(classifySender(sender, id, origin)).toBe(expected);
  });

  it('accepts Firefox moz-extension origins too', () => {
    const moz = 'moz-extension://0f8f7b4e-1111-2222-3333-444444444444/';
    expect(classifySender({ id, url: `${moz}src/popup/index.html` }, id, moz)).toBe('extension-page');
  });
});

describe('senderOrigin', () => {
  it('prefers the browser-computed origin (Chrome) and falls back to the URL (Firefox)', () => {
    expect(senderOrigin({ origin: 'https://a.example', url: 'https://b.example/x' })).toBe('https://a.example');
    expect(senderOrigin({ url: 'https://b.example:8443/x?y' })).toBe('https://b.example:8443');
  });
  it('gives null for a sandboxed document, even when its URL names a real site', () => {
    expect(senderOrigin({ origin: 'null', url: 'https://victim.example/uploads/evil.html' })).toBeNull();
  });

  it('gives null for opaque origins', () => {
    expect(senderOrigin({ origin: 'null', url: 'data:text/html,hi' })).toBeNull();
    expect(senderOrigin({})).toBeNull();
  });
});
