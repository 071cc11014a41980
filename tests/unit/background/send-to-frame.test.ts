/**
 * background/send-to-frame.ts: content scripts listen only once they have talked to the background or
 * been woken (platform/runtime-lite.ts, issue 16). A frame that answers is not woken; one that received
 * nothing is woken in its isolated world and asked once more; a message to every frame wakes them
 * all first; a frame that cannot be scripted gets nothing and no second try.
 */
import { describe, expect, it } from 'vitest';
import { sendToFrame } from '../../../src/background/send-to-frame';
import type { ExecuteScript } from '../../../src/platform/tabs';
import type { SendToTab } from '../../../src/platform/runtime';
import { WAKE_HOOK } from '../../../src/shared/messages/to-content';

/** A tab whose content script listens once the wake hook ran (or from the start). */
function tab(options: { listening?: boolean; scriptable?: boolean } = {}) {
  let listening = options.listening ?? false;
  const log: string[] = [];
  const send: SendToTab = async (_tabId, message) => {
    log.push(`send ${(message as { type: string }).type}`);
    if (!listening) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { ok: true, value: { qrs: 0, tokens: [] } };
  };
  const executeScript: ExecuteScript = async (injection) => {
    log.push(`wake ${JSON.stringify(injection.target)}`);
    if (options.scriptable === false) throw new Error('Cannot access contents of the page');
    // What runs in the frame: the serialized function, with our content script's hook on the global.
    if ('func' in injection) {
      const global = globalThis as Record<string, unknown>;
      global[WAKE_HOOK] = () => void (listening = true);
      try {
        injection.func(...injection.args);
      } finally {
        delete global[WAKE_HOOK];
      }
    }
    return [];
  };
  return { send, executeScript, log };
}

describe('sendToFrame', () => {
  it('a frame that listens already gets the message once, and is not woken (control)', async () => {
    const t = tab({ listening: true });
    expect(await sendToFrame(1, { type: 'content/scan' }, { frameId: 0 }, t.send, t.executeScript)).toEqual({
      qrs: 0,
      tokens: [],
    });
    expect(t.log).toEqual(['send content/scan']);
  });

  it('a frame that received nothing is woken in that very document and asked again', async () => {
    const t = tab();
    const reply = await sendToFrame(
      1,
      { type: 'content/scan' },
      { frameId: 3, documentId: 'doc-a' },
      t.send,
      t.executeScript,
    );
    expect(reply).toEqual({ qrs: 0, tokens: [] });
    expect(t.log).toEqual(['send content/scan', 'wake {"tabId":1,"documentIds":["doc-a"]}', 'send content/scan']);
  });

  it('a message to every frame wakes them all first', async () => {
    const t = tab();
    await sendToFrame(1, { type: 'content/fill-now', grant: 'g' }, undefined, t.send, t.executeScript);
    expect(t.log).toEqual(['wake {"tabId":1,"allFrames":true}', 'send content/fill-now']);
  });

  it('a frame we may not script gets nothing, and no second try', async () => {
    const t = tab({ scriptable: false });
    expect(await sendToFrame(1, { type: 'content/scan' }, { frameId: 0 }, t.send, t.executeScript)).toBeNull();
    expect(t.log).toEqual(['send content/scan', 'wake {"tabId":1,"frameIds":[0]}']);
  });
});
