/**
 * The protocol's types: what travels in messages, and the message maps derived from the registry
 * (./messages/index.ts, one record per message `domain/verb`; ARCHITECTURE.md rule 3). The senders
 * each message is accepted from live in its record; the background decides them from the
 * browser-provided `sender`, never from the message.
 */
import type { ToBackgroundMap, ToContentMap, ToOffscreenMap } from './messages';
import type { ManualEntry } from '../core/otpauth-uri';
import type { Lookalike } from '../core/site/lookalike';

export type { Lookalike } from '../core/site/lookalike';

export type { SenderKind, NoFields } from './messages/define';

export interface AppInfo {
  name: string;
  version: string;
}

export type VaultState = 'empty' | 'locked' | 'unlocked';

export interface VaultStatus {
  state: VaultState;
}

/** What extension pages see of an account: everything but the secret. */
export interface AccountView {
  id: string;
  type: 'totp' | 'hotp' | 'steam';
  issuer: string;
  account: string;
  algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  digits: number;
  period: number;
  counter: number;
  sites: string[];
  pinned: boolean;
  order: number;
  /** Per-site fill options on this account's sites. */
  fill: FillOptionsView;
  backupCodes: { total: number; remaining: number };
  createdAt: number;
  updatedAt: number;
  /** The origin of the setup page whose QR added it (absent: typed, imported, or older). */
  addedOn?: string;
}

export interface CodeView {
  id: string;
  code: string;
  /** Milliseconds since the epoch when this code stops being current (TOTP/Steam); null for HOTP. */
  validUntil: number | null;
  period: number;
  /** TOTP/Steam: the code of the next period (copy gives it in the last seconds, so it is still good when typed). */
  next?: string;
}

/** An HOTP code taken for use, and the account's code after the counter moved on. */
export interface HotpUse {
  code: string;
  next: CodeView;
}

export type AutoLock = 1 | 5 | 15 | 60 | 'browser-close';

export interface Settings {
  autoLockMinutes: AutoLock;
  /** Fill the code without a click when exactly one account belongs to the site (default on). */
  autofill: boolean;
  /** Compute codes for the measured real time, not this computer's clock (off until the user accepts; clock/). */
  clockCorrection?: boolean;
  /**
   * The offset (ms, real time minus this computer's) the user accepted: codes are corrected by exactly
   * this while `clockCorrection` is on, never by a new estimate the user did not confirm. None yet: codes
   * use this computer's clock and the popup asks. Kept in the clear like the other settings: it is a
   * number that names no site or account.
   */
  clockOffsetMs?: number;
}

/**
 * What `settings/set` takes: only the settings the user changed. The background puts them over the
 * stored ones, so a page that read its copy earlier (another options tab, the popup) never writes back
 * a stale value of a setting it did not change.
 */
export type SettingsChange = Partial<Settings>;

/** How far this computer's clock is from the time the user's sites give (background/clock/). */
export interface ClockStatus {
  /** Real time minus this computer's time, ms; null when there is no trustworthy estimate yet. */
  offsetMs: number | null;
  uncertaintyMs: number | null;
  /** Samples and sites that agree on the estimate. */
  samples: number;
  sources: number;
  /** The correction is on (the setting). */
  correcting: boolean;
  /** The offset codes are corrected by (the one the user accepted), or null (off, or none accepted yet). */
  acceptedMs: number | null;
  /** Enough samples from two or more of the user's sites, and they do not agree on the time. */
  sitesDisagree: boolean;
}

export interface FillOptionsView {
  /** Origins where the login form is submitted after filling the code. */
  submitOn: string[];
  /** Origins where the code is appended to the password the user typed (both in one field). */
  appendOn: string[];
  /** Only the exact origins in `sites`, not other subdomains or ports of their sites. */
  exactOrigin: boolean;
}

export interface AccountPatch {
  issuer?: string;
  account?: string;
  sites?: string[];
  pinned?: boolean;
  order?: number;
  /** HOTP only, and only upwards (RFC 4226 §7.2: a lower counter would repeat used codes). */
  counter?: number;
  fill?: Partial<FillOptionsView>;
}

export interface AccountList {
  accounts: AccountView[];
  /**
   * The active tab's origin and the accounts bound to its site (the popup lists them first); `lookalike`
   * when its site looks like one of the user's accounts' sites without being it (the popup warns).
   */
  currentSite: { origin: string; ids: string[]; lookalike?: Lookalike } | null;
}

/**
 * `popup/open`: what the popup needs for its first paint, in one round trip. `unlocked` is null unless
 * the vault is unlocked (a locked vault answers its status only); `codes` are the first rows' (the
 * order the popup shows with an empty search: shared/account-order.ts), clock-corrected like codes/get.
 */
export interface PopupOpen {
  status: VaultStatus;
  /**
   * `first`: the list as accounts/list gives it, but only the first rows the popup shows (this site's
   * accounts first, at most FIRST_ROWS) and in that order; `total`: how many accounts the full list has
   * (the popup asks accounts/list for them right after its first paint).
   */
  unlocked: { first: AccountList; total: number; codes: CodeView[] } | null;
}

export interface TrashView {
  id: string;
  issuer: string;
  account: string;
  deletedAt: number;
}

export interface BackupCodeView {
  code: string;
  used: boolean;
}

/** A key typed by hand; strings as typed, validated like a Key URI (same error codes and fields). */
export type ManualEntryInput = ManualEntry;

export interface ScanResult {
  /** QR codes found in the visible tab. */
  found: number;
  added: AccountView[];
  /** Found QR codes that are not authenticator keys (a web address, Microsoft's activation link…). */
  notAuthenticator: number;
  duplicates: number;
  /** Found authenticator keys that do not parse (a malformed otpauth URI): nothing was added for them. */
  malformed?: { count: number; code: string };
  /**
   * New keys for an account already bound to the page's site (issue 13): not added by a scan, since
   * the page asks "Replace the old one?" when its QR is clicked. The accounts' names.
   */
  reenroll?: string[];
  /** QR-shaped images the tab could not have decoded now (its decode budget is spent): try again soon. */
  busy?: number;
}

/**
 * What a content script gets when it found a one-time-code field: a code only when the vault is
 * unlocked, exactly one account belongs to the frame's own site (from `sender`), and either the user
 * asked (a grant) or filling with no click is allowed there (background/handlers/fill-request.ts).
 * `off` and `confirm` carry a one-time grant for this frame: our button's click sends it back.
 */
export type FillAnswer =
  | CodeAnswer
  | { kind: 'locked' }
  | { kind: 'none' }
  /** No account is bound to this site, but unbound ones exist: the user may pick one. */
  | { kind: 'choose' }
  | { kind: 'several'; count: number }
  /** Automatic filling is off. */
  | { kind: 'off'; grant: string }
  /**
   * One account, but in a frame another site embeds (or, for an account narrowed to its origin, another
   * origin): our button opens the popup, which fills on a click in our own UI, never the button itself.
   */
  | { kind: 'framed' }
  /** One account, but not here without a click (http, field not seen, two codes wanted). */
  | { kind: 'confirm'; grant: string };

/**
 * A code for the frame's own site; `submit`: the account's site wants the form submitted after filling.
 * `next` only for fields that want two consecutive codes; `grant`: after a fill the user asked for,
 * the one request at rollover that the same click covers.
 */
export interface CodeAnswer {
  kind: 'code';
  code: string;
  next: string | null;
  validUntil: number | null;
  submit: boolean;
  grant?: string;
}

/** The in-field button was clicked: which site it was, and which accounts the user may pick there. */
export interface PendingPick {
  /** This pick's id (random): fill/pick and fill/pick-cancel name it, and fill only its frame and document. */
  id: string;
  host: string;
  /** The page's registrable domain (no port): what "Always use this account" binds the account to. */
  site: string;
  /** Accounts bound to the site first, then accounts bound to no site (never another site's). */
  ids: string[];
  /** Of `ids`, those bound to no site ("Always use this account on this site" binds them). */
  unbound: string[];
  /** The page's site looks like an account's site (or an unbound account's issuer) but is not it. */
  lookalike: Lookalike | null;
  /**
   * Another site embeds the page's frame: the host of the page that does (what the address bar shows),
   * '' when the browser could not tell which; null when only the page's own site embeds it.
   */
  framedBy: string | null;
}

/** Where the content script found a QR candidate: an image URL to fetch, pixels as a PNG data URL, a URI in plain sight, or a rect of its tab to capture. */
export type CandidateSource =
  | { kind: 'url'; url: string }
  | { kind: 'png'; dataUrl: string }
  | { kind: 'uri'; uri: string }
  /** Crop of the sender tab's capture: `rect` in viewport CSS px, `viewport` = the page's innerWidth. */
  | { kind: 'capture'; rect: { x: number; y: number; width: number; height: number }; viewport: number };

/** A decoded authenticator QR, held by the background; the page only gets a token and names to show. */
export interface Candidate {
  token: string;
  issuer: string;
  account: string;
  /** Accounts in it (a Google Authenticator export holds several). */
  count: number;
  /** "batch 2 of 3" for multi-QR Google exports (0 when single). */
  batchIndex: number;
  batchSize: number;
  /** Read from a tab capture, or an export of many accounts: a click opens the popup, which asks before anything is added. */
  asks: boolean;
}

/** Popup: the captured QR a click on the page asked about (see background/enroll/capture-ask.ts). */
export interface CapturePending {
  token: string;
  /** The host of the page that showed it, and its registrable domain (what "Use it on" binds to). */
  host: string;
  site: string;
  issuer: string;
  account: string;
  count: number;
  /** A Google Authenticator export: never bound to a site, so no "Use it on" choice. */
  batch: boolean;
  /** Read from a screenshot of the tab (it may be another site's): the popup says so. */
  captured: boolean;
  /**
   * Clicked in a frame another site embeds: the host of the page that does ('' when the browser could
   * not tell), which the popup names; null otherwise. Bound as a click on the page binds (no choice).
   */
  framedBy: string | null;
  /**
   * A framed QR with a new key for this account, bound to the site (issue 13): the popup asks
   * "Replace the old one?" (enroll/capture-accept's `reenroll`); null otherwise.
   */
  replaces: { issuer: string; account: string } | null;
}

export interface CandidateReply {
  candidate: Candidate | null;
  /** A QR code was decoded (it may still not be an authenticator key). */
  isQr: boolean;
  /** An authenticator key that does not parse: the error code ("Scan this page" says why). */
  malformed?: string;
  /** Not decoded: the tab's decode budget is spent for now (background/enroll/decode-queue.ts). */
  busy?: true;
}

export type EnrollOutcome =
  /** `bound`: every added account is bound to the page's site (else: "not linked to this site"). */
  | {
      kind: 'added';
      issuer: string;
      account: string;
      count: number;
      duplicates: number;
      code: string;
      validUntil: number | null;
      bound: boolean;
      /** After "Replace the old one?": the old key's recent codes, which the autofill may have put in the field (this site's own codes). */
      stale?: string[];
      /** The answer to "Replace the old one?" that added it (in the page or in the popup), for the page's toast. */
      reenrolled?: 'replace' | 'keep';
    }
  /** `setup`: there is no vault yet (first run): the user is to create one, then the key is added. */
  | { kind: 'locked'; setup?: true }
  /**
   * A new key for an account (issuer and name) already bound to this site (issue 13): nothing was
   * added; the page asks "Replace the old one?" and answers with enroll/reenroll.
   */
  | { kind: 'reenroll'; issuer: string; account: string }
  /** A captured QR: the popup asks the user first (finished later through content/enrolled). */
  | { kind: 'asked' };

export interface ContentHello {
  href: string;
  topFrame: boolean;
}

/** Messages sent to the background (from extension pages and content scripts), from their records. */
export type ToBackground = ToBackgroundMap;

/** Messages the background sends to a tab's content script, from their records. */
export type ToContent = ToContentMap;

/** Messages the background sends to its offscreen document, from their records. */
export type ToOffscreen = ToOffscreenMap;

export type BackgroundType = keyof ToBackground;
export type ContentType = keyof ToContent;

export type Envelope<M, K extends keyof M> = { type: K } & (M[K] extends { request: infer R } ? R : never);
export type ResponseOf<M, K extends keyof M> = M[K] extends { response: infer R } ? R : never;
