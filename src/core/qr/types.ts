/** An RGBA bitmap as ImageData / OffscreenCanvas give it: 4 bytes per pixel, rows packed, no stride. */
export interface RgbaImage {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** A rectangle in pixels of some image (may be fractional; helpers round outward). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Where the code was found, in pixels of the image passed to decodeQr. */
export interface QrLocation {
  readonly topLeft: Point;
  readonly topRight: Point;
  readonly bottomRight: Point;
  readonly bottomLeft: Point;
}

export interface QrResult {
  /** The decoded payload, as jsQR decodes it (byte mode as UTF-8, with ISO-8859-1 fallback). */
  readonly text: string;
  readonly location: QrLocation;
  /** Name of the preprocessing attempt that decoded it (diagnostics and benchmarks). */
  readonly attempt: string;
}

export interface DecodeOptions {
  /**
   * Largest working bitmap, in pixels, handed to jsQR. Bigger inputs are only tried box-downscaled.
   * Default 2.1 M (a 1920×1080 screenshot decodes at full size).
   */
  readonly maxPixels?: number;
  /** Stop after this many jsQR calls (default: all planned attempts, at most 8). */
  readonly maxAttempts?: number;
  /**
   * Start no new attempt once this many ms have passed (default 750). A running jsQR call cannot be
   * interrupted, so the bound is budgetMs plus one call. jsQR's locator is slowest on texture and
   * noise (≈ 0.2 s for 300×300 random pixels), which is exactly where more attempts are pointless.
   */
  readonly budgetMs?: number;
  /** Clock for budgetMs (tests pass a fake). */
  readonly now?: () => number;
}
