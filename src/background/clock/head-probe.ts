import { MIN_SAMPLES, sampleFrom, type ClockSample } from '../../core/clock';
import { logger } from '../../shared/logger';
import { siteOf } from '../../core/site';

const log = logger('clock');

/** At most one probe per this long (per service-worker life; a restart allows one more, still rare). */
export const PROBE_GAP_MS = 10 * 60_000;

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

let lastProbe = -Infinity;

/**
 * When the browser has given no samples (the user has not visited their sites since the browser
 * started), ask one of the user's own account sites for its time: MIN_SAMPLES HEAD requests to its
 * origin, no cookies, no cache, no redirects. Never any other server (issue 13: no third party).
 * Returns the samples it got (maybe none); at most once per PROBE_GAP_MS.
 */
export async function probeClock(
  origin: string,
  fetchFn: Fetch = (u, i) => fetch(u, i),
  now: () => number = Date.now,
): Promise<ClockSample[]> {
  if (now() - lastProbe < PROBE_GAP_MS) return [];
  lastProbe = now();
  const samples: ClockSample[] = [];
  for (let i = 0; i < MIN_SAMPLES; i++) {
    const sentAt = now();
    try {
      const response = await fetchFn(`${origin}/`, {
        method: 'HEAD',
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'manual',
      });
      const sample = sampleFrom({
        date: response.headers.get('date') ?? undefined,
        status: response.status,
        fromCache: false,
        hasAge: response.headers.has('age'),
        sentAt,
        receivedAt: now(),
        // One source per site: its subdomains (a1.example, a2.example…) are one vote, not many.
        source: siteOf(origin) ?? origin,
      });
      if (sample) samples.push(sample);
    } catch (error) {
      log.warn('clock probe failed', error);
      break;
    }
  }
  return samples;
}

/** For tests: forget the last probe. */
export function resetProbe(): void {
  lastProbe = -Infinity;
}
