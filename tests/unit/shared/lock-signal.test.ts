import { describe, expect, it } from 'vitest';
import { isLockSignal, VAULT_LOCKED } from '../../../src/shared/messages/to-pages';

describe('the lock signal the popup listens for', () => {
  const self = 'abcdefghijklmnop';
  it('comes only from our own background', () => {
    expect(isLockSignal({ type: VAULT_LOCKED }, { id: self }, self)).toBe(true);
    // A content script of ours (a page could make it send anything) is a tab's, not the background.
    expect(isLockSignal({ type: VAULT_LOCKED }, { id: self, tab: { id: 3 } }, self)).toBe(false);
    expect(isLockSignal({ type: VAULT_LOCKED }, { id: 'another-extension' }, self)).toBe(false);
    expect(isLockSignal({ type: VAULT_LOCKED }, {}, self)).toBe(false);
  });
  it('is nothing else', () => {
    for (const message of [null, undefined, 'vault/locked-signal', { type: 'vault/lock' }, {}])
      expect(isLockSignal(message, { id: self }, self)).toBe(false);
  });
});
