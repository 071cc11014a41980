/**
 * What the content script shows on a page (the QR overlay and what follows the click, notices, the
 * in-field button, the fill cue), and what only runs once something was found (drawing a QR-shaped
 * element for the decoder, the capture guard, auto-submit, the password+code option's appending) live
 * in a second script, src/content/page-ui.ts, that the background injects into a frame only when it
 * needs them (`ui/load`): most pages never do, and the script that runs on every page stays small
 * (~11 KB gzip, printed by scripts/report-sizes.mjs). Writing a found code field stays in the
 * every-page script: waiting for this load would delay the first fill (~18 ms). Both run in the same isolated world, so they meet on a global the page cannot see.
 */
import { sendToBackground } from '../platform/runtime-lite';
import type { enrolled, notify, presentCandidate, stale, withdraw } from './enroll/present';
import type { guardCapture } from './enroll/capture-guard';
import type { showFieldButton } from './fill/button';
import type { showFillCue } from './fill/cue';
import type { drawSource } from './enroll/draw-source';
import type { submitNear } from './fill/submit';
import type { appendCodes } from './fill/append-code';

export const UI_KEY = '__clickauthUi';

export interface PageUi {
  presentCandidate: typeof presentCandidate;
  withdraw: typeof withdraw;
  stale: typeof stale;
  enrolled: typeof enrolled;
  notify: typeof notify;
  guardCapture: typeof guardCapture;
  showFieldButton: typeof showFieldButton;
  showFillCue: typeof showFillCue;
  drawSource: typeof drawSource;
  submitNear: typeof submitNear;
  appendCodes: typeof appendCodes;
}

const slot = globalThis as { [UI_KEY]?: PageUi };
let loading: Promise<PageUi> | undefined;

/** The page UI, injected on first use (once per frame). */
export function pageUi(): Promise<PageUi> {
  return (loading ??= (async () => {
    if (!slot[UI_KEY]) await sendToBackground({ type: 'ui/load' });
    const ui = slot[UI_KEY];
    if (ui) return ui;
    loading = undefined;
    throw new Error('Page UI not loaded');
  })());
}
