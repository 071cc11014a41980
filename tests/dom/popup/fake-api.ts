import type { PopupApi } from '../../../src/popup/api';
import type { AccountView, CodeView, VaultState } from '../../../src/shared/protocol';
import { parseOtpauthUri } from '../../../src/core/otpauth-uri';
import { codeAt, counterAt } from '../../../src/core/otp';
import type { ParsedAccount } from '../../../src/core/otpauth-uri/types';

/** An in-memory background for popup DOM tests: real URI parsing and codes, a fixed clock. */
export class FakeBackground implements PopupApi {
  state: VaultState = 'empty';
  password = '';
  now = Date.UTC(2026, 10, 24, 12, 0, 0);
  accounts: (AccountView & { parsed: ParsedAccount })[] = [];
  calls: string[] = [];

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
    return this.accounts;
  }
  async codes(ids: string[]): Promise<CodeView[]> {
    return this.accounts
      .filter((a) => ids.includes(a.id))
      .map((a) => ({
        id: a.id,
        code: codeAt(a.parsed, this.now),
        validUntil: (counterAt(a.parsed, this.now) + 1) * a.period * 1000,
        period: a.period,
      }));
  }
  async addUri(uri: string) {
    const parsed = parseOtpauthUri(uri);
    const view: AccountView & { parsed: ParsedAccount } = {
      id: `id-${this.accounts.length + 1}`,
      type: parsed.type,
      issuer: parsed.issuer,
      account: parsed.account,
      algorithm: parsed.algorithm,
      digits: parsed.digits,
      period: parsed.period,
      counter: parsed.counter,
      sites: [],
      pinned: false,
      order: this.accounts.length,
      backupCodes: { total: 0, remaining: 0 },
      createdAt: this.now,
      updatedAt: this.now,
      parsed,
    };
    this.accounts.push(view);
    return [view];
  }
}
