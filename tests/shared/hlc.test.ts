import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HybridLogicalClock, parseHlc } from '../../src-shared/hlc';

describe('hybrid logical clock', () => {
  it('never goes backwards, even when the wall clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }), { minLength: 2, maxLength: 50 }), (walls) => {
        let index = 0;
        const clock = new HybridLogicalClock('device-a', () => walls[Math.min(index++, walls.length - 1)]!);
        let previous = '';
        for (let i = 0; i < walls.length; i += 1) {
          const next = clock.tick();
          expect(next > previous).toBe(true);
          previous = next;
        }
      }),
    );
  });

  it('orders after every remote clock it has received', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 60_000 }), fc.integer({ min: 0, max: 99_999 }), (skew, counter) => {
        const now = 1_790_000_000_000;
        const local = new HybridLogicalClock('device-a', () => now);
        const remote = `${String(now + skew).padStart(15, '0')}-${String(counter).padStart(5, '0')}-device-b`;
        local.receive(remote);
        expect(local.tick() > remote).toBe(true);
      }),
    );
  });

  it('compares as strings exactly as it compares as numbers', () => {
    const wall = fc.integer({ min: 0, max: 2 ** 45 });
    const counter = fc.integer({ min: 0, max: 99_999 });
    fc.assert(
      fc.property(wall, counter, wall, counter, (w1, c1, w2, c2) => {
        const a = new HybridLogicalClock('x', () => w1, `${String(w1).padStart(15, '0')}-${String(c1).padStart(5, '0')}-x`).current();
        const b = new HybridLogicalClock('x', () => w2, `${String(w2).padStart(15, '0')}-${String(c2).padStart(5, '0')}-x`).current();
        const numeric = w1 !== w2 ? Math.sign(w1 - w2) : Math.sign(c1 - c2);
        expect(a < b ? -1 : a > b ? 1 : 0).toBe(numeric);
        expect(parseHlc(a)).toEqual({ wallMs: w1, counter: c1, deviceId: 'x' });
      }),
    );
  });
});
