/**
 * The storage ports keep the sealed vault as last read (issue 16: reading a 1000-account vault's two
 * generations was the largest part of an unlock after the KDF). Ciphertext only; any change to the
 * stored generations, ours or another context's, drops it, and a failed read is not kept.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { storagePorts } from '../../../src/background/vault/storage-ports';

const stored = (current: string, previous = current) =>
  fakeBrowser.storage.local.set({ 'vault.current': current, 'vault.previous': previous });

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('the sealed vault, as last read', () => {
  it('is read from storage once for repeated reads (the control: the first read does read it)', async () => {
    await stored('A', 'Z');
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const { blobs } = storagePorts();
    expect(await blobs.read()).toEqual({ current: 'A', previous: 'Z' });
    const reads = get.mock.calls.length;
    expect(reads).toBeGreaterThan(0);
    expect(await blobs.read()).toEqual({ current: 'A', previous: 'Z' });
    expect(await blobs.read()).toEqual({ current: 'A', previous: 'Z' });
    expect(get.mock.calls.length).toBe(reads);
  });

  it('gives what our own write stored', async () => {
    await stored('A');
    const { blobs } = storagePorts();
    await blobs.read();
    await blobs.write('B', 'A');
    expect(await blobs.read()).toEqual({ current: 'B', previous: 'A' });
  });

  it("gives another context's write (storage.onChanged), e.g. a vault replaced or damaged from a page", async () => {
    await stored('A');
    const { blobs } = storagePorts();
    expect((await blobs.read()).current).toBe('A');
    await fakeBrowser.storage.local.set({ 'vault.current': 'damaged' });
    expect(await blobs.read()).toEqual({ current: 'damaged', previous: 'A' });
    await fakeBrowser.storage.local.remove(['vault.current', 'vault.previous']);
    expect(await blobs.read()).toEqual({});
  });

  it('ignores changes to other items (the cache stays)', async () => {
    await stored('A');
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const { blobs } = storagePorts();
    await blobs.read();
    const reads = get.mock.calls.length;
    await fakeBrowser.storage.local.set({ settings: { autoLockMinutes: 5 } });
    await fakeBrowser.storage.session.set({ 'vault.current': 'not the local area' });
    expect(await blobs.read()).toEqual({ current: 'A', previous: 'A' });
    expect(get.mock.calls.length).toBe(reads);
  });

  it('listens for changes only while it keeps a read: our own write stops it first (its events carry both blobs)', async () => {
    await stored('A');
    const { blobs } = storagePorts();
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(false);
    await blobs.read();
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(true);
    await blobs.write('B', 'A');
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(false);
    expect(await blobs.read()).toEqual({ current: 'B', previous: 'A' });
    expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(true);
  });

  it('does not keep a failed read: the next read asks storage again', async () => {
    await stored('A');
    const { blobs } = storagePorts();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('IO error'));
    await expect(blobs.read()).rejects.toThrow('IO error');
    get.mockRestore();
    expect(await blobs.read()).toEqual({ current: 'A', previous: 'A' });
  });
});
