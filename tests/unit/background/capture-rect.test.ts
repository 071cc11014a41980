import { describe, expect, it } from 'vitest';
import { captureRect, MAX_SIDE, MIN_SIDE } from '../../../src/background/enroll/capture-rect';

/** A 200×200 CSS px QR at (100, 50) in a 1280 px wide viewport. */
const qr = { rect: { x: 100, y: 50, width: 200, height: 200 }, viewport: 1280 };

describe('where a reported element lies in a tab capture', () => {
  it.each([
    // name, capture width × height (device px), the page's innerWidth (CSS px)
    ['1× screen, 100 % zoom', 1280, 720, 1280],
    ['2× screen (devicePixelRatio 2)', 2560, 1440, 1280],
    ['1× screen at 150 % zoom', 1280, 720, 853],
    ['1.25× screen at 80 % zoom', 1600, 900, 1600],
  ])('%s: the rect scaled by capture width / viewport width, plus a 10 %% margin', (_name, width, height, viewport) => {
    const scale = width / viewport;
    const crop = captureRect({ ...qr, viewport }, width, height)!;
    expect(crop.x).toBeCloseTo((100 - 20) * scale);
    expect(crop.y).toBeCloseTo((50 - 20) * scale);
    expect(crop.width).toBeCloseTo(240 * scale);
    expect(crop.height).toBeCloseTo(240 * scale);
  });

  it('clips the margin to the capture (a QR at the top-left corner)', () => {
    expect(captureRect({ rect: { x: 0, y: 0, width: 100, height: 100 }, viewport: 1000 }, 2000, 1000)).toEqual({
      x: 0,
      y: 0,
      width: 220,
      height: 220,
    });
  });

  it.each([
    ['smaller than a QR-shaped element', { x: 10, y: 10, width: MIN_SIDE - 1, height: 100 }, 1280],
    ['larger than any setup QR', { x: 0, y: 0, width: MAX_SIDE + 1, height: MAX_SIDE + 1 }, 4000],
    ['partly scrolled out at the top', { x: 100, y: -40, width: 200, height: 200 }, 1280],
    ['partly below the visible area', { x: 100, y: 600, width: 200, height: 200 }, 1280],
    ['right of the viewport', { x: 1200, y: 100, width: 200, height: 200 }, 1280],
    ['not numbers', { x: '100', y: 50, width: 200, height: 200 }, 1280],
    ['NaN', { x: Number.NaN, y: 50, width: 200, height: 200 }, 1280],
    ['an absurd viewport (scale 1280)', { x: 0, y: 0, width: 100, height: 100 }, 1],
    ['a negative viewport', { x: 0, y: 0, width: 100, height: 100 }, -1280],
  ])('refuses a rect %s', (_name, rect, viewport) => {
    expect(captureRect({ rect: rect as never, viewport }, 1280, 720)).toBeNull();
  });

  it('refuses a request without a rect', () => {
    expect(captureRect({ viewport: 1280 } as never, 1280, 720)).toBeNull();
  });
});
