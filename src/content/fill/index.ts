export { findOtpFields, scoreField, THRESHOLD, type OtpTarget } from './classify';
export { fillAppended, fillCode, stillOurs } from './fill';
export { inputsOf, watchOtpFields } from './observe';
