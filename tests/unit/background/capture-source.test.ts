/**
 * Defence in depth for enrollment by tab capture: whatever the content script checked, the background
 * captures only for the tab's top frame, and only while that tab's top-level URL has the sender's
 * origin (the origin the key gets bound to), before and after the capture. Otherwise it captures
 * nothing and the candidate is dropped.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { captureSource as captureFrom } from '../../../src/background/enroll/capture-source';

const tab = { active: true, url: 'https://setup.example/2fa', windowId: 7 };
const afterCapture: { url?: string; active?: boolean } = {};
const captures: number[] = [];

const deps = {
  getTab: async () => ({ ...tab }),
  captureVisibleTab: async (windowId: number) => {
    captures.push(windowId);
    Object.assign(tab, afterCapture);
    return { width: 800, height: 600, data: new Uint8ClampedArray(800 * 600 * 4) };
  },
};
const captureSource = (...args: Parameters<typeof captureFrom>) => captureFrom(args[0], args[1], args[2], deps);

const request = { rect: { x: 100, y: 100, width: 220, height: 220 }, viewport: 800 };
let doc = 0;
const sender = (frameId = 0) => ({
  tab: { id: 1 },
  frameId,
  documentId: `doc-${++doc}`,
  origin: 'https://setup.example',
});

beforeEach(() => {
  Object.assign(tab, { active: true, url: 'https://setup.example/2fa', windowId: 7 });
  for (const key of Object.keys(afterCapture)) delete afterCapture[key as keyof typeof afterCapture];
  captures.length = 0;
});

describe('captureSource', () => {
  it('the top frame of the active tab whose URL has the page origin: a crop around the rect', async () => {
    const crop = await captureSource(request, sender(), 'https://setup.example');
    expect(captures).toEqual([7]);
    expect(crop).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
  });

  it.each([
    ['a subframe (it cannot know where it sits in the tab)', () => sender(3), 'https://setup.example'],
    ["an origin other than the tab's top-level URL", () => sender(), 'https://evil.example'],
    [
      'a tab that is not the active one',
      () => (Object.assign(tab, { active: false }), sender()),
      'https://setup.example',
    ],
    [
      'a tab without a URL (no host access)',
      () => (Object.assign(tab, { url: undefined }), sender()),
      'https://setup.example',
    ],
  ])('%s: no capture', async (_name, from, origin) => {
    expect(await captureSource(request, from(), origin)).toBeNull();
    expect(captures).toEqual([]);
  });

  it('the tab navigated to another origin (or was switched away) while the capture waited: dropped', async () => {
    afterCapture.url = 'https://victim.example/settings/mfa';
    expect(await captureSource(request, sender(), 'https://setup.example')).toBeNull();
    Object.assign(tab, { url: 'https://setup.example/2fa' });
    delete afterCapture.url;
    afterCapture.active = false;
    expect(await captureSource(request, sender(), 'https://setup.example')).toBeNull();
  });
});
