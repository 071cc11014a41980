/**
 * The frame's allowance of QR looks and reads (src/content/enroll/allowance.ts): so many at once, one
 * more every period after one was taken, never more than the first size.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allowance } from '../../../src/content/enroll/allowance';

function clocked(size: number, every: number) {
  let t = 1000;
  const a = allowance(size, every, () => t);
  return { take: () => a.take(), wait: (ms: number) => void (t += ms) };
}

describe('allowance', () => {
  it('gives `size` at once, then nothing until a period has passed', () => {
    const a = clocked(3, 10_000);
    expect([a.take(), a.take(), a.take()]).toEqual([true, true, true]);
    expect(a.take()).toBe(false);
    a.wait(9_999);
    expect(a.take()).toBe(false);
    a.wait(1);
    expect(a.take()).toBe(true);
    expect(a.take()).toBe(false);
  });

  it('earns one per period after a take, and never more than `size`, however long it waited', () => {
    const a = clocked(3, 1000);
    a.wait(60_000);
    expect([a.take(), a.take(), a.take(), a.take()]).toEqual([true, true, true, false]);
    a.wait(2500);
    expect([a.take(), a.take(), a.take()]).toEqual([true, true, false]);
  });

  it('a full allowance earns nothing while full: the period starts at the next take', () => {
    const a = clocked(2, 1000);
    a.wait(900);
    expect(a.take()).toBe(true); // full until now: 1 left, the next one is earned 1000 ms from here
    expect(a.take()).toBe(true);
    a.wait(200);
    expect(a.take()).toBe(false);
    a.wait(800);
    expect(a.take()).toBe(true);
  });

  it('one given back is there to take again, never past `size`', () => {
    const a = allowance(2, 1000, () => 0);
    expect([a.take(), a.take(), a.take()]).toEqual([true, true, false]);
    a.giveBack();
    expect([a.take(), a.take()]).toEqual([true, false]);
    a.giveBack();
    a.giveBack();
    a.giveBack();
    expect([a.take(), a.take(), a.take()]).toEqual([true, true, false]);
  });

  it('over any run of takes and waits, never gives more than size + elapsed / period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 10, max: 5000 }),
        fc.array(fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 20_000 })), { maxLength: 200 }),
        (size, every, steps) => {
          const a = clocked(size, every);
          let given = 0;
          let elapsed = 0;
          for (const step of steps) {
            if (step < 0) given += +a.take();
            else {
              a.wait(step);
              elapsed += step;
            }
            expect(given).toBeLessThanOrEqual(size + Math.floor(elapsed / every));
          }
        },
      ),
    );
  });
});
