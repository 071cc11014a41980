export { codeAt, counterAt, secondsLeft } from './code';
export { STEAM_ALPHABET } from './steam';
export {
  ALGORITHMS,
  DEFAULTS,
  MAX_DIGITS,
  MAX_PERIOD,
  MIN_DIGITS,
  OTP_TYPES,
  STEAM,
  type Algorithm,
  type OtpParams,
  type OtpType,
} from './types';
