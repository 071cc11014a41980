import { describe, expect, it } from 'vitest';
import { serialQueue } from '../../../src/shared/serial-queue';

const tick = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('serialQueue', () => {
  it('never interleaves tasks, whatever their durations', async () => {
    const run = serialQueue();
    let counter = 0;
    const seen: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        run(async () => {
          const read = counter;
          await tick(i % 3);
          counter = read + 1;
          seen.push(i);
        }),
      ),
    );
    expect(counter).toBe(50);
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('rejects only the failing task and keeps going', async () => {
    const run = serialQueue();
    const first = run(async () => {
      throw new Error('boom');
    });
    const second = run(async () => 2);
    await expect(first).rejects.toThrow('boom');
    await expect(second).resolves.toBe(2);
  });
});
