/**
 * Records of the enrollment messages. Content scripts offer a QR they found and act on the token the
 * background issued for it (bound to their own frame); the popup answers a captured QR's question.
 * Content-script payloads are bounded before the background fetches, decodes or stores a byte of them.
 */
import type { CandidateReply, CandidateSource, CapturePending, EnrollOutcome } from '../protocol';
import { array, bool, oneOf, optional, payload, str, uuid } from '../validate/check';
import { candidateSource } from '../validate/enroll';
import { CONTENT, message, PAGES, type NoFields } from './define';

/** Backup codes: a setup page shows 5–30 of them; a code is a short word. */
const MAX_CODES = 64;
const MAX_CODE = 64;

const token = payload({ token: uuid });

export const enrollMessages = {
  'enroll/candidate': message<{ source: CandidateSource }, CandidateReply>(
    CONTENT,
    payload({ source: candidateSource }),
  ),
  'enroll/confirm': message<{ token: string }, EnrollOutcome>(CONTENT, token),
  'enroll/undo': message<{ token: string }, NoFields>(CONTENT, token),
  /** The user answered "Replace the old one?" in our overlay: add the QR's key, replacing the old one or beside it. */
  'enroll/reenroll': message<{ token: string; choice: 'replace' | 'keep' }, EnrollOutcome>(
    CONTENT,
    payload({ token: uuid, choice: oneOf('replace', 'keep') }),
  ),
  /**
   * The frame told `content/enrolled`: how the enrollment of `token` ended (toast, confirmation code),
   * once, only to the frame, origin and document the token is bound to.
   */
  'enroll/outcome': message<{ token: string }, EnrollOutcome | null>(CONTENT, token),
  /** The setup page's confirmation field rolled over: the enrolled account's current code (never the next). */
  'enroll/code': message<{ token: string }, { code: string; validUntil: number | null }>(CONTENT, token),
  'enroll/backup-codes': message<{ token: string; codes: string[] }, { saved: number }>(
    CONTENT,
    payload({ token: uuid, codes: array(str(MAX_CODE), MAX_CODES) }),
  ),
  /** Popup: the captured QR waiting for the user's decision, if any. */
  'enroll/capture-pending': message<NoFields, CapturePending | null>(PAGES, payload({})),
  /**
   * Popup: add the captured QR of `token`; `bind`: the user ticked "Use it on <site>"; `reenroll`: the
   * answer to "Replace the old one?" for a framed QR's new key (CapturePending.replaces).
   */
  'enroll/capture-accept': message<
    { token: string; bind: boolean; reenroll?: 'replace' | 'keep' },
    { count: number; duplicates: number; bound: boolean }
  >(PAGES, payload({ token: uuid, bind: bool, reenroll: optional(oneOf('replace', 'keep')) })),
  /** Popup: the user declined; nothing is added for it. */
  'enroll/capture-reject': message<{ token: string }, NoFields>(PAGES, token),
};
