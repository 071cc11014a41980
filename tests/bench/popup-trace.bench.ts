import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { launchWithExtension, type LoadedExtension } from '../e2e/harness';
import { call, openPopup, PASSWORD } from '../e2e/popup-helpers';
import { parseOtpauthUri } from '../../src/core/otpauth-uri';
import { addAccounts } from './seed';
import { encodeBase32 } from '../../src/core/bytes/base32';

// One popup open (1000 accounts) under a CDP trace: where the time between navigation start and the
// first code goes. Prints the popup renderer's main-thread events (> 0.3 ms) and each background round
// trip on the navigation clock. TRACE_OUT=file.json also writes the raw trace for the Performance panel.
let ext: LoadedExtension;
// TRACE_ACCOUNTS=30 traces the small vault instead.
const ACCOUNTS = Number(process.env.TRACE_ACCOUNTS ?? 1000);
interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown> };
}

/** Times every runtime.sendMessage of the page (type, sent, answered) and the first code. */
const probe = () => {
  const w = window as unknown as { __calls: { type: string; sent: number; answered: number }[]; __firstCode?: number };
  w.__calls = [];
  const runtime = (
    globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (m: { type: string }) => Promise<unknown> } } }
  ).chrome?.runtime;
  const send = runtime?.sendMessage?.bind(runtime);
  if (runtime && send)
    runtime.sendMessage = (m: { type: string }) => {
      const entry = { type: m.type, sent: performance.now(), answered: 0 };
      w.__calls.push(entry);
      return send(m).finally(() => (entry.answered = performance.now()));
    };
  new MutationObserver(() => {
    if (!w.__firstCode && /\d/.test(document.querySelector('[data-testid=code]')?.textContent ?? '')) {
      w.__firstCode = performance.now();
      console.debug('bench:first-code');
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
};

beforeAll(async () => {
  ext = await launchWithExtension();
  const page = await openPopup(ext);
  await call(page, { type: 'vault/create', password: PASSWORD });
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) =>
    parseOtpauthUri(
      `otpauth://totp/B:u${i}?issuer=B${i}&secret=${encodeBase32(new Uint8Array(20).map((_, j) => (j === 0 ? i >> 8 : j === 1 ? i & 255 : j)))}`,
    ),
  );
  await addAccounts(page, accounts);
  await page.close();
  await ext.context.addInitScript(probe);
  await (await openPopup(ext)).close(); // warm: the worker has read the vault once
}, 120_000);

afterAll(async () => ext?.close());

it('popup: one traced open, where the time goes', async () => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  const cdp = await ext.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8',
        'v8.execute',
        'blink.user_timing',
        'loading',
        'toplevel',
        ...(process.env.TRACE_ALL ? ['disabled-by-default-v8.compile', 'v8.compile', 'ipc', 'mojom'] : []),
      ],
    },
  });
  // Waiting on the probe's console message, not waitForFunction: its polling evaluates Playwright's
  // injected script in the page (~8 ms of main thread), which otherwise shows up in the open traced.
  const reported = page.waitForEvent('console', { predicate: (m) => m.text() === 'bench:first-code' });
  await page.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
  await reported;
  const inPage = await page.evaluate(() => ({
    firstCode: (window as unknown as { __firstCode: number }).__firstCode,
    calls: (window as unknown as { __calls: unknown[] }).__calls,
    resources: performance.getEntriesByType('resource').map((r) => ({
      name: r.name.replace(/^.*\//, ''),
      start: r.startTime,
      end: (r as PerformanceResourceTiming).responseEnd,
    })),
    dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
  }));
  await page.waitForTimeout(300);
  await cdp.send('Tracing.end');
  await complete;
  if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, JSON.stringify({ traceEvents: events }));

  const navs = events.filter((e) => e.name === 'navigationStart');
  const nav =
    navs.find((e) => String(e.args?.data?.documentLoaderURL ?? '').includes('/src/popup/index.html')) ?? navs.at(-1);
  expect(nav).toBeDefined();
  const main = events.filter(
    (e) => e.pid === nav!.pid && e.tid === nav!.tid && e.ph === 'X' && (e.dur ?? 0) > 300 && e.ts >= nav!.ts,
  );
  const at = (ts: number) => ((ts - nav!.ts) / 1000).toFixed(1).padStart(6);
  const key = [
    'DocumentLoader::CommitNavigation',
    'V8.DeserializeContext',
    'ParseHTML',
    'v8.evaluateModule',
    'EvaluateScript',
    'FunctionCall',
    'RunMicrotasks',
    'UpdateLayoutTree',
    'Layout',
    'Paint',
    'MinorGC',
    'MajorGC',
    'TimerFire',
  ];
  const shown = main
    .filter((e) => process.env.TRACE_ALL || key.includes(e.name))
    .filter((e) => e.ts - nav!.ts < inPage.firstCode * 1000 + 20_000);
  const lines = shown.map((e) => {
    const d = e.args?.data ?? {};
    const what = String(d.url ?? d.functionName ?? d.type ?? '').replace(/^.*\//, '');
    return `  ${at(e.ts)} ms  +${((e.dur ?? 0) / 1000).toFixed(1).padStart(5)} ms  ${e.name}${what ? ` ${what}` : ''}`;
  });
  console.log(
    [
      '',
      `popup trace, one open at ${ACCOUNTS} accounts (navigation start = 0; renderer main thread events > 0.3 ms)`,
      ...lines,
      `  resources: ${inPage.resources.map((r) => `${r.name} ${r.start.toFixed(1)}→${r.end.toFixed(1)}`).join(', ')}`,
      `  messages: ${(inPage.calls as { type: string; sent: number; answered: number }[]).map((c) => `${c.type} ${c.sent.toFixed(1)}→${c.answered.toFixed(1)}`).join(', ')}`,
      `  DOMContentLoaded ${inPage.dcl.toFixed(1)} ms, first code visible ${inPage.firstCode.toFixed(1)} ms`,
      '',
    ].join('\n'),
  );
}, 300_000);
