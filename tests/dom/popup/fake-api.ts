import type { PickChoice, PopupApi } from '../../../src/popup/api';
import type { AccountList, AccountPatch, AccountView, BackupCodeView, CapturePending, ClockStatus, CodeView, ManualEntryInput, PendingPick, ScanResult, TrashView, VaultState } from '../../../src/shared/protocol';
import { parseManualEntry, parseOtpauthUri } from '../../../src/core/otpauth-uri';
import { codeAt, counterAt } from '../../../src/core/otp';
import type { ParsedAccount } from '../../../src/core/otpauth-uri/types';

type Stored = AccountView & { parsed: ParsedAccount; codes: BackupCodeView[] };

/** An in-memory background for popup DOM tests: real URI parsing and codes, a settable clock. */
export class FakeBackground implements PopupApi {
  state: VaultState = 'empty';
  password = '';
  now = Date.UTC(2026, 10, 24, 12, 0, 0);
  accounts: Stored[] = [];
  trashed: (Stored & { deletedAt: number })[] = [];
  currentSite: AccountList['currentSite'] = null;
  clipboard = '';
  calls: string[] = [];
  scanResult: ScanResult = { found: 0, added: [], notAuthenticator: 0, duplicates: 0 };
  /** The in-field button's waiting pick (see background/fill/pick.ts), and what was picked. */
  pending: PendingPick | null = null;
  picked: PickChoice[] = [];
  /** The captured QR waiting for the user's decision (background/enroll/capture-ask.ts), and the answers. */
  capture: CapturePending | null = null;
  captureAnswers: { token: string; bind: boolean | null }[] = [];
  private nextId = 1;

  async capturePending() {
    return this.state === 'unlocked' ? this.capture : null;
  }
  async captureAccept(token: string, bind: boolean) {
    this.captureAnswers.push({ token, bind });
    this.capture = null;
    return { count: 1, duplicates: 0, bound: bind };
  }
  async captureReject(token: string) {
    this.captureAnswers.push({ token, bind: null });
    this.capture = null;
    return {};
  }

  async pendingPick() {
    return this.state === 'unlocked' ? this.pending : null;
  }
  async cancelPick(pickId: string) {
    this.calls.push(`cancelPick:${pickId}`);
    this.waiting(pickId);
    this.pending = null;
    return {};
  }
  /** As the background: the pick is named by its id, and a lookalike site needs the user's confirmation. */
  async pick(choice: PickChoice) {
    const pending = this.waiting(choice.pickId);
    if (pending.lookalike && !choice.despiteLookalike) throw Object.assign(new Error('confirm'), { code: 'fill/lookalike-unconfirmed' });
    this.picked.push(choice);
    if (choice.always && pending.unbound.includes(choice.id)) this.find(choice.id).sites = [`https://${pending.host}`];
    this.pending = null;
    return { filled: true };
  }
  private waiting(pickId: string): PendingPick {
    if (!this.pending || this.pending.id !== pickId) throw Object.assign(new Error('gone'), { code: 'fill/pick-gone' });
    return this.pending;
  }

  info = async () => ({ name: 'ClickAuth', version: '0.1.0' });
  status = async () => ({ state: this.state });
  async create(password: string) {
    this.calls.push('create');
    this.password = password;
    this.state = 'unlocked';
    return { state: this.state };
  }
  async unlock(password: string) {
    this.calls.push('unlock');
    if (password !== this.password) throw Object.assign(new Error('Wrong password'), { code: 'vault/wrong-password' });
    this.state = 'unlocked';
    return { state: this.state };
  }
  async lock() {
    this.state = 'locked';
    return { state: this.state };
  }
  async list() {
    const accounts = [...this.accounts].sort((a, b) => Number(b.pinned) - Number(a.pinned) || a.order - b.order);
    return { accounts: accounts.map(view), currentSite: this.currentSite };
  }
  async codes(ids: string[]): Promise<CodeView[]> {
    this.calls.push(`codes:${ids.length}`);
    return this.accounts.filter((a) => ids.includes(a.id)).map((a) => this.code(a));
  }
  async addUri(uri: string) {
    return [this.store(parseOtpauthUri(uri))];
  }
  async addManual(entry: ManualEntryInput) {
    return this.store(parseManualEntry(entry));
  }
  async update(id: string, patch: AccountPatch) {
    const account = this.find(id);
    const { fill, ...rest } = patch;
    Object.assign(account, rest);
    if (rest.counter !== undefined) account.parsed = { ...account.parsed, counter: rest.counter };
    if (fill) account.fill = { ...account.fill, ...fill };
    return view(account);
  }
  async remove(id: string) {
    const account = this.find(id);
    this.accounts = this.accounts.filter((a) => a !== account);
    this.trashed.push({ ...account, deletedAt: this.now });
    return {};
  }
  async restore(id: string) {
    const entry = this.trashed.find((a) => a.id === id);
    if (!entry) throw Object.assign(new Error('gone'), { code: 'vault/not-found' });
    this.trashed = this.trashed.filter((a) => a !== entry);
    const { deletedAt: _deletedAt, ...account } = entry;
    this.accounts.push(account);
    return view(account);
  }
  async trash(): Promise<TrashView[]> {
    return this.trashed.map((a) => ({ id: a.id, issuer: a.issuer, account: a.account, deletedAt: a.deletedAt }));
  }
  async reorder(ids: string[]) {
    ids.forEach((id, order) => (this.find(id).order = order));
    return {};
  }
  async hotpNext(id: string) {
    const account = this.find(id);
    account.parsed = { ...account.parsed, counter: account.parsed.counter + 1 };
    account.counter = account.parsed.counter;
    return this.code(account);
  }
  async hotpUse(id: string) {
    const account = this.find(id);
    const code = this.code(account).code;
    this.calls.push(`hotp-use:${id}`);
    return { code, next: await this.hotpNext(id) };
  }
  async exportUri(id: string, password: string) {
    if (password !== this.password) throw Object.assign(new Error('Wrong password'), { code: 'vault/wrong-password' });
    return { uri: `otpauth://totp/${encodeURIComponent(this.find(id).account)}?secret=JBSWY3DPEHPK3PXP` };
  }
  async backupCodes(id: string) {
    return this.find(id).codes.map((c) => ({ ...c }));
  }
  async setBackupCodes(id: string, codes: BackupCodeView[]) {
    const account = this.find(id);
    account.codes = codes.map((c) => ({ ...c }));
    account.backupCodes = { total: codes.length, remaining: codes.filter((c) => !c.used).length };
    return account.codes;
  }
  async copy(code: string) {
    this.clipboard = code;
  }
  async scan() {
    return this.scanResult;
  }
  openOptions() {
    this.calls.push('options');
  }

  /** What `clock/status` answers; tests set it. */
  clockStatus: ClockStatus = { offsetMs: null, uncertaintyMs: null, samples: 0, sources: 0, correcting: false };

  async clock() {
    return { ...this.clockStatus };
  }

  async correctClock(on: boolean) {
    this.calls.push(`correct-clock:${on}`);
    this.clockStatus = { ...this.clockStatus, correcting: on };
    return {};
  }

  private code(a: Stored): CodeView {
    return {
      id: a.id,
      code: codeAt(a.parsed, this.now),
      validUntil: a.type === 'hotp' ? null : (counterAt(a.parsed, this.now) + 1) * a.period * 1000,
      period: a.period,
    };
  }
  private find(id: string): Stored {
    const account = this.accounts.find((a) => a.id === id);
    if (!account) throw Object.assign(new Error('gone'), { code: 'vault/not-found' });
    return account;
  }
  private store(parsed: ParsedAccount): AccountView {
    const account: Stored = {
      id: `id-${this.nextId++}`, type: parsed.type, issuer: parsed.issuer, account: parsed.account, algorithm: parsed.algorithm,
      digits: parsed.digits, period: parsed.period, counter: parsed.counter, sites: [], pinned: false, order: this.accounts.length, fill: { submitOn: [], appendOn: [], exactOrigin: false },
      backupCodes: { total: 0, remaining: 0 }, createdAt: this.now, updatedAt: this.now, parsed, codes: [],
    };
    this.accounts.push(account);
    return view(account);
  }
}

function view(account: Stored): AccountView {
  const { parsed: _parsed, codes: _codes, ...rest } = account;
  return { ...rest, sites: [...rest.sites] };
}
