import { beforeEach, describe, expect, it } from 'vitest';
import type { ClockSample } from '../../../src/core/clock';
import { ClockStore } from '../../../src/background/clock/clock-store';
import { observeClock } from '../../../src/background/clock/observe';
import { probeClock, resetProbe, PROBE_GAP_MS } from '../../../src/background/clock/head-probe';
import { codeOffset } from '../../../src/background/clock/correction';
import { codeView } from '../../../src/background/handlers/codes-get';
import type { StorageItem } from '../../../src/platform/storage';
import type { RequestDetails, ResponseDetails, WebRequestEvents } from '../../../src/platform/web-request';
import { parseOtpauthUri } from '../../../src/core/otpauth-uri';
import { codeAt } from '../../../src/core/otp';
import type { Account } from '../../../src/core/vault';

function memoryItem<T>(): StorageItem<T> {
  let value: T | undefined;
  return {
    area: 'session',
    key: 'k',
    clearOn: 'lock',
    get: async () => value,
    set: async (v) => void (value = v),
    remove: async () => void (value = undefined),
  };
}

const T = Date.UTC(2026, 11, 5, 11, 0, 0);
const httpDate = (ms: number) => new Date(ms).toUTCString();

function fakeEvents() {
  const listeners: Record<string, ((d: never) => void)[]> = {
    onSendHeaders: [],
    onResponseStarted: [],
    onErrorOccurred: [],
  };
  const filters: unknown[] = [];
  const event = (name: string) => ({
    addListener: (l: (d: never) => void, filter: unknown, spec?: string[]) => {
      listeners[name]!.push(l);
      filters.push({ name, filter, spec });
    },
  });
  const events = {
    onSendHeaders: event('onSendHeaders'),
    onResponseStarted: event('onResponseStarted'),
    onErrorOccurred: event('onErrorOccurred'),
  } as unknown as WebRequestEvents;
  return {
    events,
    filters,
    send: (d: RequestDetails) => listeners.onSendHeaders!.forEach((l) => l(d as never)),
    respond: (d: ResponseDetails) => listeners.onResponseStarted!.forEach((l) => l(d as never)),
  };
}

const flush = () => new Promise((done) => setTimeout(done, 0));

describe('observeClock', () => {
  let recorded: ClockSample[];
  let fake: ReturnType<typeof fakeEvents>;
  beforeEach(() => {
    recorded = [];
    fake = fakeEvents();
    observeClock(fake.events, {
      epoch: () => 0,
      isAccountSite: async (origin) => origin === 'https://bank.test',
      record: async (s) => recorded.push(s),
    });
  });
  const load = (id: string, url: string, headers: Record<string, string>, over: Partial<ResponseDetails> = {}) => {
    fake.send({ requestId: id, url, timeStamp: T });
    fake.respond({
      requestId: id,
      url,
      timeStamp: T + 200,
      statusCode: 200,
      fromCache: false,
      responseHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })),
      ...over,
    });
  };

  it('observes documents only, without blocking, with their response headers', () => {
    expect(fake.filters).toContainEqual({
      name: 'onResponseStarted',
      filter: { urls: ['http://*/*', 'https://*/*'], types: ['main_frame', 'sub_frame'] },
      spec: ['responseHeaders'],
    });
    expect(JSON.stringify(fake.filters)).not.toContain('blocking');
  });

  it('a response from an account site gives a sample, timed by its own round trip', async () => {
    load('1', 'https://bank.test/login', { Date: httpDate(T + 90_000) });
    await flush();
    expect(recorded).toEqual([{ offsetMs: 90_000 + 500 - 100, uncertaintyMs: 600, at: T + 200, source: 'bank.test' }]);
  });

  it("a site's subdomains are one source (its registrable domain): many origins of one site are one vote", async () => {
    fake = fakeEvents();
    recorded = [];
    observeClock(fake.events, {
      epoch: () => 0,
      isAccountSite: async (origin) => new URL(origin).hostname.endsWith('evil.example'),
      record: async (s) => recorded.push(s),
    });
    for (let i = 0; i < 7; i++) load(`e${i}`, `https://a${i}.evil.example/`, { date: httpDate(T + 3_600_000) });
    load('b', 'https://evil.example/', { date: httpDate(T + 3_600_000) });
    await flush();
    expect(new Set(recorded.map((r) => r.source))).toEqual(new Set(['evil.example']));
  });

  it('responses from other sites, from the cache, with an Age, or a 304 give none', async () => {
    load('2', 'https://news.test/', { date: httpDate(T) });
    load('3', 'https://bank.test/', { date: httpDate(T) }, { fromCache: true });
    load('4', 'https://bank.test/', { date: httpDate(T), age: '120' });
    load('5', 'https://bank.test/', { date: httpDate(T) }, { statusCode: 304 });
    await flush();
    expect(recorded).toEqual([]);
    load('6', 'https://bank.test/', { date: httpDate(T) }); // control: the same site, fresh
    await flush();
    expect(recorded).toHaveLength(1);
  });
});

describe('ClockStore', () => {
  it('a source gives at most one sample per 2 s; the probe may add its spaced samples at once', async () => {
    const store = new ClockStore(memoryItem());
    const sample = (at: number): ClockSample => ({
      offsetMs: 90_000,
      uncertaintyMs: 600,
      at,
      source: 'https://bank.test',
    });
    expect(await store.add(sample(T))).toBe(true);
    expect(await store.add(sample(T + 500))).toBe(false);
    expect(await store.add(sample(T + 2500))).toBe(true);
    expect(await store.add(sample(T + 2600), false)).toBe(true);
    expect(await store.estimate(T + 3000)).toMatchObject({ offsetMs: 90_000, samples: 3 });
    await store.clear();
    expect(await store.samples()).toEqual([]);
  });

  /** An item whose reads and writes take a moment, as extension storage does. */
  function slowItem(): StorageItem<ClockSample[]> & { value: ClockSample[] | undefined } {
    const tick = () => new Promise((r) => setTimeout(r, 5));
    const item = {
      area: 'session' as const,
      key: 'clockSamples',
      clearOn: 'lock' as const,
      value: undefined as ClockSample[] | undefined,
      async get() {
        await tick();
        return item.value;
      },
      async set(v: ClockSample[]) {
        await tick();
        item.value = v;
      },
      async remove() {
        await tick();
        item.value = undefined;
      },
    };
    return item;
  }
  const bankSample: ClockSample = { source: 'secretbank.test', at: T, offsetMs: 0, uncertaintyMs: 100 };

  it('a sample being written when the vault locks does not survive the lock (its source names an account site)', async () => {
    const item = slowItem();
    const store = new ClockStore(item);
    // observe.ts: the site was an account site just before the lock; the write runs, then the lock clears.
    const write = store.add(bankSample);
    await new Promise((r) => setTimeout(r, 1));
    await store.clear(); // vault.onLock → clock.clear()
    expect(await write).toBe(false);
    expect(item.value, 'clock samples left in storage.session after lock').toBeUndefined();
    // A write after the lock (a new epoch) is kept again.
    expect(await store.add({ ...bankSample, at: T + 10_000 })).toBe(true);
    expect(item.value).toHaveLength(1);
  });

  it('a sample whose site was checked before a lock is dropped when it arrives after it (observeClock)', async () => {
    const item = slowItem();
    const store = new ClockStore(item);
    const fake = fakeEvents();
    let answer: (mine: boolean) => void = () => undefined;
    const writes: Promise<unknown>[] = [];
    observeClock(fake.events, {
      epoch: () => store.epoch(),
      // The vault answers "an account site" while unlocked; the answer arrives after the lock.
      isAccountSite: () => new Promise((resolve) => (answer = resolve)),
      record: (sample, epoch) => {
        const write = store.add(sample, true, epoch);
        writes.push(write);
        return write;
      },
    });
    fake.send({ requestId: 'x', url: 'https://secretbank.test/', timeStamp: T });
    fake.respond({
      requestId: 'x',
      url: 'https://secretbank.test/',
      timeStamp: T + 200,
      statusCode: 200,
      fromCache: false,
      responseHeaders: [{ name: 'date', value: httpDate(T) }],
    });
    await store.clear(); // the lock
    answer(true);
    await flush();
    expect(await Promise.all(writes)).toEqual([false]);
    expect(item.value).toBeUndefined();
  });
});

describe('probeClock (no samples yet)', () => {
  beforeEach(() => resetProbe());
  it('asks only the given account origin, HEAD, without cookies or cache, and at most once per 10 min', async () => {
    const asked: [string, RequestInit][] = [];
    let clock = T;
    const fetchFn = async (url: string, init: RequestInit) => {
      asked.push([url, init]);
      clock += 100;
      return new Response(null, { status: 200, headers: { date: httpDate(clock + 30_000) } });
    };
    const samples = await probeClock('https://bank.test', fetchFn, () => clock);
    expect(samples).toHaveLength(3);
    expect(new Set(asked.map(([url]) => url))).toEqual(new Set(['https://bank.test/']));
    expect(asked[0]![1]).toMatchObject({ method: 'HEAD', credentials: 'omit', cache: 'no-store', redirect: 'manual' });
    for (const s of samples) expect(Math.abs(s.offsetMs - 30_000)).toBeLessThanOrEqual(1000);
    expect(new Set(samples.map((s) => s.source))).toEqual(new Set(['bank.test']));
    expect(await probeClock('https://bank.test', fetchFn, () => T + PROBE_GAP_MS - 1)).toEqual([]);
    expect(await probeClock('https://bank.test', fetchFn, () => T + PROBE_GAP_MS + 1)).toHaveLength(3);
  });
});

describe('corrected codes', () => {
  const account = {
    ...parseOtpauthUri('otpauth://totp/Bank:ann?secret=JBSWY3DPEHPK3PXP&issuer=Bank'),
    id: 'a',
  } as unknown as Account;
  it('by the offset the user accepted, only while the correction is on', () => {
    expect(codeOffset({ clockCorrection: true, clockOffsetMs: 90_000 })).toBe(90_000);
    expect(codeOffset({ clockCorrection: false, clockOffsetMs: 90_000 })).toBe(0);
    expect(codeOffset({ clockOffsetMs: 90_000 })).toBe(0);
    // On with none accepted yet (turned on in the options): this computer's clock, and the popup asks.
    expect(codeOffset({ clockCorrection: true })).toBe(0);
  });

  it('the code is the server-time one; validUntil stays on the local clock for countdowns', () => {
    const now = T + 7_000;
    const view = codeView(account, now, 90_000);
    expect(view.code).toBe(codeAt(account, now + 90_000));
    expect(view.code).not.toBe(codeAt(account, now));
    // Server time T+97 s is in the step ending at T+120 s: that is T+30 s on this computer's clock.
    expect(view.validUntil).toBe(T + 120_000 - 90_000);
  });
});

describe('settings/set and the clock choice', async () => {
  const { settingsSet } = await import('../../../src/background/handlers/settings-set');
  const { settingsGet } = await import('../../../src/background/handlers/settings-get');
  const services = () =>
    ({ settings: memoryItem(), onSettingsChanged: () => undefined }) as unknown as Parameters<typeof settingsSet>[0];

  it('is off by default, kept when a page sends settings without it, and must be a boolean', async () => {
    const s = services();
    expect((await settingsGet(s)).clockCorrection).toBe(false);
    await settingsSet(s, { autoLockMinutes: 15, autofill: true, clockCorrection: true });
    expect(await settingsSet(s, { autoLockMinutes: 5, autofill: true })).toEqual({
      autoLockMinutes: 5,
      autofill: true,
      clockCorrection: true,
    });
    await expect(
      settingsSet(s, { autoLockMinutes: 5, autofill: true, clockCorrection: 'yes' as unknown as boolean }),
    ).rejects.toMatchObject({ code: 'protocol/bad-request' });
  });

  it('takes only the settings that change: the others stay as stored, also for two changes at once', async () => {
    const s = services();
    await settingsSet(s, { autoLockMinutes: 60, autofill: false, clockCorrection: true });
    expect(await settingsSet(s, { autoLockMinutes: 5 })).toEqual({
      autoLockMinutes: 5,
      autofill: false,
      clockCorrection: true,
    });
    // Two pages saving at once (the popup's clock choice, an options tab's auto-lock): both are kept.
    await Promise.all([settingsSet(s, { clockCorrection: false }), settingsSet(s, { autofill: true })]);
    expect(await settingsGet(s)).toEqual({ autoLockMinutes: 5, autofill: true, clockCorrection: false });
  });

  it('refuses a change with nothing in it or a bad value in it, and stores nothing', async () => {
    const s = services();
    await settingsSet(s, { autoLockMinutes: 60 });
    for (const change of [{}, { autofill: 'no' }, { autoLockMinutes: 7, autofill: false }]) {
      await expect(settingsSet(s, change as never)).rejects.toMatchObject({ code: 'protocol/bad-request' });
    }
    expect(await settingsGet(s)).toEqual({ autoLockMinutes: 60, autofill: true, clockCorrection: false });
  });

  it('the settings/set record lets a boolean or no clock choice through, nothing else; clock/status takes no fields', async () => {
    const { toBackground } = await import('../../../src/shared/messages');
    const check = (settings: unknown) => toBackground['settings/set'].validate({ type: 'settings/set', settings });
    expect(check({ autoLockMinutes: 15, autofill: true, clockCorrection: true })).toBeNull();
    expect(check({ autoLockMinutes: 15, autofill: true })).toBeNull();
    expect(check({ autoLockMinutes: 15, autofill: true, clockCorrection: 'yes' })).not.toBeNull();
    // Only the settings that change; each still checked, and no other key.
    expect(check({ clockCorrection: true })).toBeNull();
    expect(check({ autoLockMinutes: 60 })).toBeNull();
    expect(check({ autoLockMinutes: 7 })).not.toBeNull();
    expect(check({ autofill: 'yes' })).not.toBeNull();
    expect(check({ theme: 'dark' })).not.toBeNull();
    expect(toBackground['clock/status'].senders).toEqual(['extension-page']);
    expect(toBackground['clock/status'].validate({ type: 'clock/status' })).toBeNull();
    expect(toBackground['clock/status'].validate({ type: 'clock/status', origin: 'https://evil.test' })).not.toBeNull();
  });
});
