/**
 * The webRequest events the clock-offset observer listens to (observation only, never blocking).
 * Typed to what we read, so callers and tests pass a small fake.
 */
import { browser } from './browser';

export interface RequestDetails {
  requestId: string;
  url: string;
  /** Local time of the event, ms since the epoch (the browser's clock). */
  timeStamp: number;
}

export interface ResponseDetails extends RequestDetails {
  statusCode: number;
  fromCache: boolean;
  responseHeaders?: { name: string; value?: string }[];
}

interface WebRequestEvent<D> {
  addListener(
    listener: (details: D) => void,
    filter: { urls: string[]; types?: string[] },
    extraInfoSpec?: string[],
  ): void;
}

export interface WebRequestEvents {
  onSendHeaders: WebRequestEvent<RequestDetails>;
  onResponseStarted: WebRequestEvent<ResponseDetails>;
  onErrorOccurred: WebRequestEvent<RequestDetails>;
}

/** Undefined when the permission is missing (an older install that has not granted it). */
export const webRequest = (): WebRequestEvents | undefined =>
  browser.webRequest as unknown as WebRequestEvents | undefined;
