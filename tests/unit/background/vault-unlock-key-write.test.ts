/**
 * Unlock answers once the vault is open; the session key is stored after that (issue 16: the popup's
 * first code does not wait for the write), yet a lock asked while the write is under way still leaves
 * no key behind (the lock runs after the write, in the same queue).
 */
import { describe, expect, it } from 'vitest';
import { VaultService } from '../../../src/background/vault/vault-service';
import { memoryPorts } from './memory-ports';

const PASSWORD = 'correct horse battery';

/** A vault whose session-key writes wait for `release()`. */
async function slowKeyWrites() {
  const mem = memoryPorts();
  const vault = new VaultService(mem.ports);
  await vault.create(PASSWORD);
  await vault.lock();
  let release = () => {};
  const gate = new Promise<void>((done) => (release = done));
  const write = mem.ports.keys.write;
  mem.ports.keys.write = async (key) => {
    await gate;
    await write(key);
  };
  return { mem, vault, release };
}

describe('vault unlock and the session key', () => {
  it('answers before the session key is written; the key is there after', async () => {
    const { mem, vault, release } = await slowKeyWrites();
    await vault.unlock(PASSWORD);
    expect(await vault.state()).toBe('unlocked');
    expect(mem.session.key).toBeUndefined();
    release();
    await vault.lock().then(() => vault.unlock(PASSWORD));
    // Control: once written, a restarted worker (same session) resumes.
    await new Promise((done) => setTimeout(done, 0));
    expect(mem.session.key).toBeInstanceOf(Uint8Array);
    expect(await new VaultService(mem.ports).state()).toBe('unlocked');
  });

  it('a lock while the key is being written leaves no key: a restarted worker finds the vault locked', async () => {
    const { mem, vault, release } = await slowKeyWrites();
    await vault.unlock(PASSWORD);
    const locking = vault.lock();
    release();
    await locking;
    expect(mem.session.key).toBeUndefined();
    expect(await vault.state()).toBe('locked');
    expect(await new VaultService(mem.ports).state()).toBe('locked');
  });

  it('a wrong password still rejects and opens nothing', async () => {
    const { vault, release } = await slowKeyWrites();
    release();
    await expect(vault.unlock('wrong password!!')).rejects.toMatchObject({ code: 'vault/wrong-password' });
    expect(await vault.state()).toBe('locked');
  });
});
