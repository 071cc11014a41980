/**
 * The background decodes the QR candidates pages offer one at a time, and each tab only so much
 * (the reviewer's denial of service: a page offered dozens of huge non-QR images, each ~1 s of the
 * service worker's only thread, and popup opening, unlock and fills in every other tab waited).
 *
 * - One decode at a time; between two, the worker answers everything else that waits. Tabs take
 *   turns (round robin), so a tab's one QR waits for at most one decode of each other busy tab.
 * - A per-tab budget in pixels, refilled continuously: BUDGET_PIXELS a minute. A candidate costs
 *   BASE_COST when offered (its fetch and message), and the pixels it will read (at most the
 *   MAX_READ_PIXELS it is scaled down to) before it is decoded; a data: URL also its length, before
 *   it is read (decode-source.ts PIXELS_PER_DATA_URL_CHAR). What the budget cannot pay is refused
 *   (DecodeRefused) before it is fetched or decoded. Keyed by tab, not document or frame: frames and
 *   reloads do not reset it (the page-side allowance, content/enroll/allowance.ts, is per document).
 * - A tab whose top frame shows a new document (its first candidate from it) loses the decodes still
 *   queued for the one before; a closed tab its budget too. (Told by the candidates themselves, not
 *   by `tabs.onUpdated`, which would wake the worker at every change of every tab. Firefox gives no
 *   documentId: there the queue is bounded by the budget alone.)
 *
 * The numbers: a page-offered image declaring over 4 MP is refused from its header before it is
 * charged anything but BASE_COST (core/qr/image-size.ts MAX_OFFERED_PIXELS); one under it is read at
 * most at MAX_READ_PIXELS, 1 MP. Measured (node, jsQR on two-tone noise, the 2-core machine loaded):
 * at 2 MP one jsQR attempt held the thread ~575 ms (a decode ~900 ms), at 1 MP the longest attempt
 * ~265 ms (a decode ~830 ms in 5 attempts, the thread handed back between them); a setup QR is at
 * most ~1 MP, so reading at 1 MP costs it nothing. A setup page shows one or two QRs (≤ 2 × (0.04 +
 * 1) MP, a tenth of the budget); a page of 300 small QRs (tests/e2e/enroll-dos.test.ts (a), ~15k
 * pixels each) spends ~17 MP, under the budget. A page of 1–4 MP images gets ~19 decodes a minute,
 * each at most 1 MP (≤ ~1 s of the worker, in slices of ≤ ~0.3 s): the bound on a tab's decode time.
 * A capture's crop is charged up to CAPTURE_COST_PIXELS (it is decoded at up to ~2 MP, decodeQr's own
 * bound; captures also have their own budget, capture-source.ts).
 */
export const MAX_READ_PIXELS = 1_000_000;
export const CAPTURE_COST_PIXELS = 2_000_000;
export const BUDGET_PIXELS = 20_000_000;
export const BASE_COST = 40_000;
const REFILL_MS = 60_000;

/** A candidate this tab's budget cannot pay for now, or dropped with the page (or tab) that offered it. */
export class DecodeRefused extends Error {
  override readonly name = 'DecodeRefused';
  readonly code = 'enroll/decode-refused';
}

interface Job {
  done: Promise<void>;
  start: () => void;
  drop: () => void;
}

export interface DecodeQueue {
  /** Takes `pixels` from the tab's budget, or throws DecodeRefused (nothing taken). */
  charge(tabId: number, pixels: number): void;
  /** Runs `task` when it is its turn: one task at a time, tabs in turn. */
  run<T>(tabId: number, task: () => Promise<T>): Promise<T>;
  /**
   * A candidate from the tab's top frame, in `documentId`: a new document refuses what the old one
   * queued (not started yet); the budget stays.
   */
  topDocument(tabId: number, documentId: string): void;
  /** The tab closed: its waiting tasks and its budget go. */
  forgetTab(tabId: number): void;
}

export function decodeQueue(
  now: () => number = () => performance.now(),
  pause: () => Promise<void> = () => new Promise((resume) => setTimeout(resume, 0)),
): DecodeQueue {
  const budgets = new Map<number, { left: number; at: number }>();
  const waiting = new Map<number, Job[]>();
  const tops = new Map<number, string>();
  let busy = false;

  function budget(tabId: number) {
    const t = now();
    const b = budgets.get(tabId) ?? { left: BUDGET_PIXELS, at: t };
    b.left = Math.min(BUDGET_PIXELS, b.left + ((t - b.at) * BUDGET_PIXELS) / REFILL_MS);
    b.at = t;
    budgets.set(tabId, b);
    return b;
  }

  /** The next job, the tabs taking turns: the first tab's first job, its tab then moved to the end. */
  function next(): Job | undefined {
    for (const [tabId, jobs] of waiting) {
      const job = jobs.shift();
      waiting.delete(tabId);
      if (jobs.length) waiting.set(tabId, jobs);
      if (job) return job;
    }
    return undefined;
  }

  async function pump(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      for (let job = next(); job; job = next()) {
        job.start();
        await job.done;
        // Whatever else waits (a popup opening, a fill) is answered before the next decode.
        await pause();
      }
    } finally {
      busy = false;
    }
  }

  function dropQueued(tabId: number): void {
    for (const job of waiting.get(tabId) ?? []) job.drop();
    waiting.delete(tabId);
  }

  return {
    charge(tabId, pixels) {
      const b = budget(tabId);
      if (b.left < pixels) throw new DecodeRefused('This tab has decoded enough images for now');
      b.left -= pixels;
    },
    run(tabId, task) {
      return new Promise((resolve, reject) => {
        let finished!: () => void;
        const done = new Promise<void>((r) => (finished = r));
        const job = {
          done,
          start: () => {
            task().then(resolve, reject).finally(finished);
          },
          drop: () => {
            reject(new DecodeRefused('The page that offered it is gone'));
            finished();
          },
        };
        waiting.set(tabId, [...(waiting.get(tabId) ?? []), job]);
        void pump();
      });
    },
    topDocument(tabId, documentId) {
      const before = tops.get(tabId);
      tops.set(tabId, documentId);
      if (before !== undefined && before !== documentId) dropQueued(tabId);
    },
    forgetTab(tabId) {
      dropQueued(tabId);
      budgets.delete(tabId);
      tops.delete(tabId);
    },
  };
}
