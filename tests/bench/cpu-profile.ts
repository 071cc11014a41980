/**
 * Attribution of a V8 CPU profile (CDP Profiler, one page's renderer): a content script runs in an
 * isolated world of the page's own isolate, so its samples sit in the same profile, with our
 * chrome-extension:// script URLs on the stack. A sample counts as ours when any frame on its stack is
 * ours (what our code calls, natives and layout included); else as the page's when a frame is the page's.
 *
 * A sample stands for the time until the next one, but at most `MAX_SAMPLE_MS`: the profiler samples
 * every ~0.18 ms here (asked for 0.1), and a longer gap is the thread off the CPU (descheduled on a
 * loaded 2-core machine, or waiting), not work; one such gap of 5–10 ms on a single sample of ours was
 * what made the same article page measure 5 ms in one visit and 30 ms in the next.
 */
export const MAX_SAMPLE_MS = 0.5;

export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface Attribution {
  /** CPU ms with one of our frames on the stack. */
  ours: number;
  /** CPU ms with page script (and none of ours) on the stack. */
  page: number;
  /** Longest stretch of consecutive samples of ours (ms): a task of ours longer than 50 ms is a long task. */
  longestRun: number;
  /** Stretches of ours longer than 50 ms. */
  longTasks: number;
}

export function attribute(profile: CpuProfile, ourPrefix: string): Attribution {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const kind = new Map<number, 'ours' | 'page' | 'none'>();
  const kindOf = (id: number): 'ours' | 'page' | 'none' => {
    const known = kind.get(id);
    if (known) return known;
    let result: 'ours' | 'page' | 'none' = 'none';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const url = byId.get(at)!.callFrame.url;
      if (url.startsWith(ourPrefix)) {
        result = 'ours';
        break;
      }
      if (url.startsWith('http')) result = 'page';
    }
    kind.set(id, result);
    return result;
  };
  const out: Attribution = { ours: 0, page: 0, longestRun: 0, longTasks: 0 };
  let run = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = Math.min(MAX_SAMPLE_MS, (profile.timeDeltas[i + 1] ?? 0) / 1000);
    const k = kindOf(profile.samples[i]!);
    if (k === 'ours') {
      out.ours += ms;
      run += ms;
      continue;
    }
    if (k === 'page') out.page += ms;
    if (run > 50) out.longTasks++;
    out.longestRun = Math.max(out.longestRun, run);
    run = 0;
  }
  if (run > 50) out.longTasks++;
  out.longestRun = Math.max(out.longestRun, run);
  return out;
}

/** Our functions by self time (ms), heaviest first: where the isolated world's time goes. */
export function topOfOurs(profile: CpuProfile, ourPrefix: string, count = 5): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = byId.get(profile.samples[i]!)!.callFrame;
    if (!frame.url.startsWith(ourPrefix)) continue;
    const name = `${frame.functionName || '(anonymous)'}@${frame.url.slice(ourPrefix.length)}`;
    self.set(name, (self.get(name) ?? 0) + Math.min(MAX_SAMPLE_MS, (profile.timeDeltas[i + 1] ?? 0) / 1000));
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`)
    .join(', ');
}
