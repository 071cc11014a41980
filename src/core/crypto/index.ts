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
