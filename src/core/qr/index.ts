/** QR decoding for enrolment: pure, runs on an RGBA buffer in the background/offscreen document. */
export { decodeQr, decodeQrPausing, DEFAULT_BUDGET_MS, DEFAULT_MAX_PIXELS } from './decode';
export { classifyQrText, type ClassifiedQrText, type QrTextKind } from './classify';
export { cropRgba, scaleRgba, scaleRect } from './rgba';
export type { DecodeOptions, Point, QrLocation, QrResult, Rect, RgbaImage } from './types';
export {
  animated,
  checkDecodable,
  fitWithin,
  imageSize,
  ImageRefused,
  MAX_DECODE_PIXELS,
  MAX_DECODE_SIDE,
  MAX_OFFERED_PIXELS,
  type ImageSize,
} from './image-size';
