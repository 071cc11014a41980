export { findOtpFields, scoreField, THRESHOLD, type OtpTarget } from './classify';
export { fillAppended, fillCode } from './fill';
export { watchOtpFields } from './observe';
