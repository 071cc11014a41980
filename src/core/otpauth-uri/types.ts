import type { OtpParams } from '../otp/types';

/** An account as read from a URI or an export: code parameters plus who it is for. */
export interface ParsedAccount extends OtpParams {
  /** Service name; '' when the URI names none. */
  issuer: string;
  /** Account name (the label without its issuer prefix); may be ''. */
  account: string;
}
