/**
 * Content script: kept tiny and self-contained (built as one IIFE with no polyfill, see
 * vite.config.ts and platform/runtime-lite.ts). It finds one-time-code fields and fills them with a
 * code the background computes for this frame's own site, and puts "Add to Authenticator" on
 * enrollment QR codes.
 */
import { onBackgroundMessage } from '../platform/runtime-lite';
import { installDevLogSink } from '../shared/dev-log-sink';
import { fillNow, fillPicked, startAutofill } from './autofill';
import { startAppend } from './append';
import { answerEnrollMessages, startEnroll } from './enroll';

installDevLogSink();

onBackgroundMessage({
  'content/ping': async () => ({ href: location.href, topFrame: window === window.top }),
  'content/fill-now': ({ accountId, grant }) => fillNow(grant, accountId),
  'content/pick-ready': ({ grant, origin }) => fillPicked(grant, origin),
});
answerEnrollMessages();

/**
 * Our first look at the page waits for its first rendering step: reading boxes and styles before it
 * would run the page's whole first layout on our time (the CPU benchmark saw 15 ms on an article page),
 * after it they are cheap. A hidden page renders nothing, so there we start on the next task.
 */
function afterFirstLayout(start: () => void): void {
  if (document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(start, 0));
  else setTimeout(start, 0);
}

afterFirstLayout(() => {
  startAutofill();
  startAppend();
  startEnroll();
});
