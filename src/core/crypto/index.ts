/** HAZMAT: public surface of the vault crypto. Everything else in this folder is internal. */
export { CURRENT_MIN_ITERATIONS, passwordBytes } from './kdf';
export { calibrateIterations, pbkdf2Measure, type CalibrateOptions, type MeasureKdf } from './calibrate';
export {
  createEnvelope,
  unlockEnvelope,
  readEnvelopeHeader,
  type CreateOptions,
  type Unlocked,
  type EnvelopeHeader,
} from './envelope';
export { openWithKey, sealWithKey, rewrapEnvelope, changePassword } from './envelope-session';
export { FORMAT_VERSION, LAYOUT } from './blob-format';
export type { CryptoDeps, RandomBytes } from './deps';
// The primitives other apps' backup formats are built from (core/formats): one implementation each.
export { gcmOpen, gcmSeal } from './aes-gcm';
export { pbkdf2, type Pbkdf2Hash } from './kdf';
export { sha256 } from './sha256';
export { resolveDeps } from './deps';
export { concatBytes, toBuffer, toHex } from './bytes';
