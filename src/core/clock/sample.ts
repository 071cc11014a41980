/**
 * One clock sample from one HTTP response: how far this computer's clock is from the server's.
 * Pure: every time is passed in (ARCHITECTURE rule 2).
 *
 * The `Date` header (RFC 9110 §6.6.1) is the server's clock when it generated the response, at one-second
 * resolution: the true server time lies in [Date, Date + 1 s), so its midpoint, Date + 500 ms, is the
 * estimate with the smallest worst-case error (±500 ms). On our side the response was generated somewhere
 * between sending the request and receiving the headers; the midpoint of that round trip is our
 * estimate, ± half the round trip. Responses from a cache carry a `Date` of when they were first made,
 * not now, so they give no sample.
 */

export interface ClockSample {
  /** Server time minus local time, in ms: add it to `Date.now()` to get the server's time. */
  offsetMs: number;
  /** Half-width of the interval the true offset lies in (Date resolution + half the round trip). */
  uncertaintyMs: number;
  /** Local time the sample was taken (ms since the epoch): newer samples replace older ones. */
  at: number;
  /** Where it came from (a site, see `siteOf`): each source gets one vote in the estimate (estimate.ts). */
  source: string;
}

export interface ObservedResponse {
  /** The `Date` header's value, if any. */
  date: string | undefined;
  /** HTTP status; a 304 answers from the browser's cache with the cached entity's headers. */
  status: number;
  /** The browser served it from its cache (webRequest's `fromCache`). */
  fromCache: boolean;
  /** An `Age` header (RFC 9111 §5.1): a shared cache served it, and its `Date` is as old as the cache entry. */
  hasAge: boolean;
  /** Local time the request was sent, when known; else the round trip is unknown. */
  sentAt?: number;
  /** Local time the response headers arrived. */
  receivedAt: number;
  source: string;
}

/** Half of the `Date` header's one-second resolution. */
export const DATE_RESOLUTION_MS = 1000;
/** Without the request's start, assume this round trip (a typical page load's first byte). */
export const UNKNOWN_RTT_MS = 1000;
/** A sample whose round trip is longer than this says too little about the offset. */
export const MAX_RTT_MS = 10_000;

/** RFC 9110 §5.6.7 IMF-fixdate, the only form a sender may generate: `Sun, 06 Nov 1994 08:49:37 GMT`. */
const IMF_FIXDATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Milliseconds since the epoch of an IMF-fixdate, or null for any other form (obsolete forms are not worth trusting). */
export function parseHttpDate(value: string): number | null {
  const match = IMF_FIXDATE.exec(value.trim());
  if (!match) return null;
  const [, weekday, day, month, year, hour, minute, second] = match;
  const ms = Date.UTC(Number(year), MONTHS.indexOf(month!), Number(day), Number(hour), Number(minute), Number(second));
  const back = new Date(ms);
  // Date.UTC rolls 31 Feb over to March, and reads the years 0000–0099 as 1900–1999; the weekday must be
  // that date's. Any other header is malformed.
  if (
    back.getUTCFullYear() !== Number(year) ||
    back.getUTCDate() !== Number(day) ||
    back.getUTCHours() !== Number(hour) ||
    Number(second) > 59 ||
    WEEKDAYS[back.getUTCDay()] !== weekday
  )
    return null;
  return ms;
}

/** The sample a response gives, or null when it gives none (cached, no or bad `Date`, too slow, clock before it was sent). */
export function sampleFrom(response: ObservedResponse): ClockSample | null {
  if (response.fromCache || response.status === 304 || response.hasAge) return null;
  if (response.date === undefined) return null;
  const serverAt = parseHttpDate(response.date);
  if (serverAt === null) return null;
  const known = response.sentAt !== undefined && response.sentAt <= response.receivedAt;
  const rtt = known ? response.receivedAt - response.sentAt! : UNKNOWN_RTT_MS;
  if (rtt > MAX_RTT_MS) return null;
  const localAt = known ? response.sentAt! + rtt / 2 : response.receivedAt - rtt / 2;
  return {
    offsetMs: Math.round(serverAt + DATE_RESOLUTION_MS / 2 - localAt),
    uncertaintyMs: Math.round(DATE_RESOLUTION_MS / 2 + rtt / 2),
    at: response.receivedAt,
    source: response.source,
  };
}
