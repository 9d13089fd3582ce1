import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToTotals, mergeTotals, orderTotals } from '../../src-shared/domain/money-totals';

const currency = fc.constantFrom('GBP', 'USD', 'EUR', 'JPY');
const amounts = fc.array(fc.record({ currency, totalMinor: fc.integer({ min: -1_000_000, max: 1_000_000 }), weightedMinor: fc.integer({ min: 0, max: 1_000_000 }) }), { maxLength: 40 });

describe('money in several currencies', () => {
  it('keeps one total per currency, each the sum of that currency’s amounts only', () => {
    fc.assert(
      fc.property(amounts, (entries) => {
        const totals = entries.reduce((sum, entry) => addToTotals(sum, entry.currency, entry.totalMinor, entry.weightedMinor), [] as ReturnType<typeof addToTotals>);
        expect(new Set(totals.map((entry) => entry.currency)).size).toBe(totals.length);
        for (const code of ['GBP', 'USD', 'EUR', 'JPY']) {
          const of = entries.filter((entry) => entry.currency === code);
          const expected = { total: of.reduce((sum, entry) => sum + entry.totalMinor, 0), weighted: of.reduce((sum, entry) => sum + entry.weightedMinor, 0) };
          const found = totals.find((entry) => entry.currency === code);
          expect({ total: found?.totalMinor ?? 0, weighted: found?.weightedMinor ?? 0 }).toEqual(expected);
        }
        // Merging column by column gives the same as adding one by one.
        expect(orderTotals(mergeTotals([totals.slice(0, 1), totals.slice(1)]), 'GBP')).toEqual(orderTotals(totals, 'GBP'));
      }),
    );
  });

  it('reads the office’s currency first, then the others by size', () => {
    const totals = [
      { currency: 'USD', totalMinor: 900, weightedMinor: 0 },
      { currency: 'EUR', totalMinor: 5000, weightedMinor: 0 },
      { currency: 'GBP', totalMinor: 100, weightedMinor: 0 },
    ];
    expect(orderTotals(totals, 'GBP').map((entry) => entry.currency)).toEqual(['GBP', 'EUR', 'USD']);
  });
});
