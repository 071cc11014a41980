/**
 * QR decoding of an RGBA bitmap: jsQR plus preprocessing for what real pages show (transparent
 * PNG/SVG codes, codes without a quiet zone, tiny or fractionally scaled modules, dark mode,
 * low contrast, blur, noise, whole-tab screenshots).
 *
 * Work is bounded: at most the attempts planAttempts lists (≤ 8 jsQR calls, each on ≤ maxPixels
 * pixels, plus O(input) conversions), stopping at the first decode, and no attempt starts after
 * budgetMs. "No QR" is a normal outcome (null). Measured (tests/bench/qr, node, one core): a clean
 * code decodes in ≈ 10 ms (≈ 45 ms inside a 1280×800 screenshot); with nothing to find a 1280×800
 * page costs ≈ 170 ms, 1920×1080 ≈ 340 ms, 4K ≈ 370 ms (downscaled); random noise hits the budget.
 */
import jsQR, { type QRCode } from 'jsqr';
import { planAttempts, type Working } from './attempts';
import { toRgba } from './gray';
import type { DecodeOptions, Point, QrLocation, QrResult, RgbaImage } from './types';

export const DEFAULT_MAX_PIXELS = 2_100_000;
const MAX_ATTEMPTS = 8;
export const DEFAULT_BUDGET_MS = 750;

export function decodeQr(image: RgbaImage, options: DecodeOptions = {}): QrResult | null {
  const steps = decodeSteps(image, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * decodeQr, handing the thread back (`pause`) after each attempt that found nothing: the service
 * worker answers its other messages between two jsQR calls instead of after all of them (≤ 8 calls,
 * up to ~1.4 s on a 2 MP image of dense noise; one call is at most ~0.7 s of it).
 */
export async function decodeQrPausing(
  image: RgbaImage,
  options: DecodeOptions = {},
  pause: () => Promise<void> = () => new Promise((resume) => setTimeout(resume, 0)),
): Promise<QrResult | null> {
  const steps = decodeSteps(image, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** The attempts, yielding after each one that found nothing; returns the result. */
function* decodeSteps(image: RgbaImage, options: DecodeOptions): Generator<void, QrResult | null> {
  const { width, height, data } = image;
  if (
    !(width > 0 && height > 0) ||
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    data.length !== width * height * 4
  ) {
    throw new RangeError(`decodeQr: expected ${width}×${height}×4 bytes of RGBA, got ${data.length}`);
  }
  const maxPixels = Math.max(10_000, options.maxPixels ?? DEFAULT_MAX_PIXELS);
  const attempts = planAttempts(image, maxPixels).slice(0, Math.min(MAX_ATTEMPTS, options.maxAttempts ?? MAX_ATTEMPTS));
  const now = options.now ?? (() => performance.now());
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  // The attempts' own time, not the pauses between them (decodeQrPausing): other work the worker does
  // meanwhile must not cut a hard QR's later attempts.
  let spent = 0;
  for (const [index, attempt] of attempts.entries()) {
    if (index > 0 && spent > budget) break;
    const started = now();
    const working = attempt.build();
    const found = working && runJsQr(working);
    spent += now() - started;
    if (!working) continue;
    if (found) return { text: found.data, location: locate(found, working), attempt: attempt.name };
    yield;
  }
  return null;
}

function runJsQr({ gray }: Working): QRCode | null {
  try {
    // Always pass inversionAttempts: jsQR 1.4 copies options into its shared defaults object, so one
    // call with 'dontInvert' silently changes the default for every later call.
    const found = jsQR(toRgba(gray), gray.width, gray.height, { inversionAttempts: 'attemptBoth' });
    // An empty payload is useless to us and is what a near-miss decode of noise can look like.
    return found && found.data.length > 0 ? found : null;
  } catch {
    // jsQR throws on some degenerate geometry (e.g. finder patterns in a line); that attempt failed.
    return null;
  }
}

function locate(found: QRCode, { scale, margin }: Working): QrLocation {
  const back = (p: Point): Point => ({ x: (p.x - margin) / scale, y: (p.y - margin) / scale });
  const l = found.location;
  return {
    topLeft: back(l.topLeftCorner),
    topRight: back(l.topRightCorner),
    bottomRight: back(l.bottomRightCorner),
    bottomLeft: back(l.bottomLeftCorner),
  };
}
