/** The page UI script, injected on demand by the background (see ui-loader.ts). */
import { enrolled, notify, presentCandidate, stale, withdraw } from './enroll/present';
import { guardCapture } from './enroll/capture-guard';
import { showFieldButton } from './fill/button';
import { showFillCue } from './fill/cue';
import { drawSource } from './enroll/draw-source';
import { submitNear } from './fill/submit';
import { appendCodes } from './fill/append-code';
import { UI_KEY, type PageUi } from './ui-loader';

const slot = globalThis as { [UI_KEY]?: PageUi };
slot[UI_KEY] ??= {
  presentCandidate,
  withdraw,
  stale,
  enrolled,
  notify,
  guardCapture,
  showFieldButton,
  showFillCue,
  drawSource,
  submitNear,
  appendCodes,
};
