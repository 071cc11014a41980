import { sampleFrom, type ClockSample } from '../../core/clock';
import type { ResponseDetails, WebRequestEvents } from '../../platform/web-request';
import { logger } from '../../shared/logger';
import { siteOf } from '../../core/site';

const log = logger('clock');

/** Top and framed documents only: the loads a user makes on their sites, a few per page. */
const FILTER = { urls: ['http://*/*', 'https://*/*'], types: ['main_frame', 'sub_frame'] };
/** Requests waiting for their response; bounded so requests that never answer cannot grow it. */
const MAX_PENDING = 256;

export interface ClockObserver {
  /** A token that changes on every lock (ClockStore.epoch), taken before `isAccountSite` is asked. */
  epoch(): number;
  /** Does this origin belong to one of the user's accounts (vault unlocked)? Only those give samples. */
  isAccountSite(origin: string): Promise<boolean>;
  /** Keeps the sample unless the vault locked since `epoch` (the answer above is from before that lock). */
  record(sample: ClockSample, epoch: number): Promise<unknown>;
}

const header = (details: ResponseDetails, name: string) =>
  details.responseHeaders?.find((h) => h.name.toLowerCase() === name)?.value;

/**
 * Watch the `Date` headers of responses the browser receives anyway (no request of ours, no blocking):
 * the request's send time (onSendHeaders) and its response's arrival (onResponseStarted) bound when
 * the server wrote its `Date`. Only responses from sites of the user's accounts become samples.
 */
export function observeClock(events: WebRequestEvents, observer: ClockObserver): void {
  const sentAt = new Map<string, number>();
  events.onSendHeaders.addListener((details) => {
    if (sentAt.size >= MAX_PENDING) sentAt.delete(sentAt.keys().next().value!);
    sentAt.set(details.requestId, details.timeStamp);
  }, FILTER);
  events.onErrorOccurred.addListener((details) => void sentAt.delete(details.requestId), FILTER);
  events.onResponseStarted.addListener(
    (details) => {
      const sent = sentAt.get(details.requestId);
      sentAt.delete(details.requestId);
      const origin = new URL(details.url).origin;
      const sample = sampleFrom({
        date: header(details, 'date'),
        status: details.statusCode,
        fromCache: details.fromCache,
        hasAge: header(details, 'age') !== undefined,
        ...(sent === undefined ? {} : { sentAt: sent }),
        receivedAt: details.timeStamp,
        // One source per site: its subdomains (a1.example, a2.example…) are one vote, not many.
        source: siteOf(origin) ?? origin,
      });
      if (!sample) return;
      // Before the question: a lock between the vault's answer and the write drops the sample.
      const epoch = observer.epoch();
      void observer
        .isAccountSite(origin)
        .then((mine) => (mine ? observer.record(sample, epoch) : undefined))
        .catch((error: unknown) => log.warn('clock sample dropped', error));
    },
    FILTER,
    ['responseHeaders'],
  );
}
