/**
 * The context menu's "Add this key" (context-menu.ts) binds a key as a QR's key clicked on the same page
 * would be bound (enroll/binding.ts): to no site on a page whose site looks like one of the user's
 * accounts' sites, narrowed to its exact origin when an account of that site is narrowed, and to no site
 * in a frame whose document has an opaque origin (a sandboxed upload), read from the frame itself
 * (frame-origin.ts), not from its URL. Each case has its control: an ordinary page still binds.
 */
import { describe, expect, it } from 'vitest';
import { memoryPorts } from './memory-ports';
import { fakeBrowser } from '../../fake-browser';

// The page is told of each add (sendToFrame → tabs.sendMessage): the words are their locale keys here.
const notices: string[] = [];
fakeBrowser({
  tabs: {
    sendMessage: async (_tab: number, message: { type: string; text?: string }) => {
      if (message.type === 'content/notice') notices.push(message.text ?? '');
      return { ok: true, value: { filled: true } };
    },
  },
});

const { VaultService } = await import('../../../src/background/vault/vault-service');
const { startContextMenu } = await import('../../../src/background/context-menu');
const { frameOrigin } = await import('../../../src/background/frame-origin');
const { lookalikeFor } = await import('../../../src/background/fill/lookalike-for');
const { rememberPick, pickAccount } = await import('../../../src/background/fill/pick');
const { addAccount } = await import('../../../src/core/vault');
const { matchAccounts } = await import('../../../src/core/site');
const { decodeBase32 } = await import('../../../src/core/bytes/base32');

type ExecuteScript = NonNullable<Parameters<typeof frameOrigin>[3]>;
type Injection = Parameters<ExecuteScript>[0];

const KEY = 'KRSXG5CTMVRXEZLU';
const OTHER_KEY = 'MFRGGZDFMZTWQ2LK';

const account = (issuer: string, sites: string[], exactOrigin = false) =>
  ({
    type: 'totp',
    issuer,
    account: 'me',
    secret: decodeBase32('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    sites,
    ...(exactOrigin && { fill: { submitOn: [], appendOn: [], exactOrigin: true } }),
  }) as const;

/**
 * An unlocked vault holding `accounts`, and the menu's click. `documentOrigin`: what the frame's document
 * says its origin is (`self.origin`), by default its URL's.
 */
async function menu(accounts: ReturnType<typeof account>[] = []) {
  const vault = new VaultService(memoryPorts().ports);
  await vault.create('correct horse battery');
  const ids: string[] = [];
  for (const input of accounts) {
    ids.push(
      await vault.mutate((data, now) => {
        const added = addAccount(data, input, { now });
        return { data: added.vault, result: added.account.id };
      }),
    );
  }
  let listener: ((info: object, tab?: { id?: number }) => void) | undefined;
  const injections: Injection[] = [];
  let documentOrigin: string | ((frameUrl: string) => unknown) = (url) => new URL(url).origin;
  const executeScript: ExecuteScript = async (injection) => {
    injections.push(injection);
    return [{ frameId: 0, result: typeof documentOrigin === 'string' ? documentOrigin : documentOrigin(frameUrl) }];
  };
  let frameUrl = '';
  startContextMenu(
    vault,
    async () => undefined,
    (key) => key,
    { onInstalled: () => undefined, create: () => undefined, onClicked: (l) => void (listener = l as typeof listener) },
    executeScript,
  );
  /** Right-click "Add this key" on `selection` in the frame at `url`; resolves once the page is told. */
  const click = async (url: string, selection = KEY, options: { frameId?: number; origin?: string } = {}) => {
    frameUrl = url;
    if (options.origin !== undefined) documentOrigin = options.origin;
    const told = notices.length;
    listener!(
      {
        menuItemId: 'add-selected-key',
        selectionText: selection,
        frameUrl: url,
        pageUrl: url,
        frameId: options.frameId,
      },
      { id: 3 },
    );
    await expect.poll(() => notices.length).toBe(told + 1);
    return notices.at(-1);
  };
  const added = () => vault.read((data) => data.accounts.filter((a) => !ids.includes(a.id)));
  return { vault, ids, click, added, injections };
}

describe('"Add this key" on a page whose site looks like an account\'s site', () => {
  it('adds the key bound to no site: the lookalike warning stays on, the pick still asks twice', async () => {
    const { vault, ids, click, added } = await menu([account('Google', [])]);
    const phishing = 'https://accounts.gooogle.com';
    expect(await vault.read((data) => lookalikeFor(data, phishing))).not.toBeNull();

    expect(await click(`${phishing}/2fa`)).toBe('enrollAddedUnbound');
    expect(await click(`${phishing}/2fa`, OTHER_KEY)).toBe('enrollAddedUnbound');

    expect((await added()).map((a) => a.sites)).toEqual([[], []]);
    expect(await vault.read((data) => lookalikeFor(data, phishing))).not.toBeNull();
    // The in-field pick on the phishing page still refuses the Google account without the second confirmation.
    const pick = rememberPick({ tabId: 3, frameId: 0, documentId: 'd1', origin: phishing, above: [] });
    await expect(
      pickAccount(vault, { pickId: pick.id, id: ids[0]!, always: false, despiteLookalike: false }),
    ).rejects.toMatchObject({ code: 'fill/lookalike-unconfirmed' });
  });

  it("control: on the account's real site the key is bound to the page's origin", async () => {
    const { click, added } = await menu([account('Google', [])]);
    expect(await click('https://accounts.google.com/2fa')).toBe('enrollAdded');
    expect((await added()).map((a) => a.sites)).toEqual([['https://accounts.google.com']]);
    // Kept with it, as for a QR's key: where it was added ("Added from accounts.google.com").
    expect((await added()).map((a) => a.addedOn)).toEqual(['https://accounts.google.com']);
  });
});

describe('"Add this key" on a site whose account is narrowed to its exact origin', () => {
  const narrowed = () => account('Victim', ['https://victim.test'], true);

  it('narrows the key added on another subdomain: it does not match the narrowed origin', async () => {
    const { click, added, vault } = await menu([narrowed()]);
    expect(await click('https://user1.victim.test/x')).toBe('enrollAdded');
    const [key] = await added();
    expect(key).toMatchObject({ sites: ['https://user1.victim.test'], fill: { exactOrigin: true } });
    expect(await vault.read((data) => matchAccounts(data.accounts, 'https://victim.test'))).toHaveLength(1);
    expect(await vault.read((data) => matchAccounts(data.accounts, 'https://user1.victim.test'))).toEqual([key!.id]);
  });

  it('control: on the narrowed origin itself the key is bound there (narrowed); with no narrowed account, not narrowed', async () => {
    const { click, added } = await menu([narrowed()]);
    await click('https://victim.test/settings');
    expect(await added()).toMatchObject([{ sites: ['https://victim.test'], fill: { exactOrigin: true } }]);

    const plain = await menu([account('Victim', ['https://victim.test'])]);
    await plain.click('https://user1.victim.test/x');
    expect(await plain.added()).toMatchObject([{ sites: ['https://user1.victim.test'], fill: { exactOrigin: false } }]);
  });
});

describe('"Add this key" in a frame whose document has an opaque origin', () => {
  it("binds nothing in a sandboxed upload, whose URL is the site's", async () => {
    const { click, added, injections } = await menu();
    const told = await click('https://victim.test/uploads/evil.html', KEY, { frameId: 4, origin: 'null' });
    expect(told).toBe('enrollAddedUnbound');
    expect((await added()).map((a) => a.sites)).toEqual([[]]);
    expect((await added()).map((a) => a.addedOn)).toEqual([undefined]);
    // The origin is read in that very frame.
    expect(injections[0]?.target).toEqual({ tabId: 3, frameIds: [4] });
  });

  it('control: an ordinary page of that site binds the key to it', async () => {
    const { click, added } = await menu();
    expect(await click('https://victim.test/uploads/evil.html', KEY, { frameId: 4 })).toBe('enrollAdded');
    expect((await added()).map((a) => a.sites)).toEqual([['https://victim.test']]);
  });
});

describe('frameOrigin', () => {
  const url = 'https://victim.test/uploads/x.html';
  const answering =
    (result: unknown): ExecuteScript =>
    async () => [{ frameId: 0, result }];

  it.each([
    ['an opaque origin', answering('null')],
    ['a document at another origin (navigated since the click)', answering('https://elsewhere.test')],
    ['no answer', answering(undefined)],
    ['a frame that cannot be scripted', (async () => Promise.reject(new Error('Cannot access'))) as ExecuteScript],
    [
      'no scripting at all (throws at once)',
      (() => {
        throw new Error('not implemented');
      }) as ExecuteScript,
    ],
  ])('is null for %s', async (_name, executeScript) => {
    expect(await frameOrigin(3, 0, url, executeScript)).toBeNull();
  });

  it("is the document's origin when it is the frame URL's", async () => {
    expect(await frameOrigin(3, 0, url, answering('https://victim.test'))).toBe('https://victim.test');
  });
});
