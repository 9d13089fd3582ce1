import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded, quoteTotals } from '../../src-shared/domain/quote-math';

describe('quote arithmetic', () => {
  it('rounds half away from zero, exactly', () => {
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(4, 3)).toBe(1);
    expect(divideRounded(-5, 2)).toBe(-3);
    expect(divideRounded(1_4999, 10_000)).toBe(1);
    expect(divideRounded(1_5000, 10_000)).toBe(2);
  });

  it('adds up a hand-computed quote with a discount and mixed tax rates', () => {
    // 2.5 h labour at £45.00, 10% off, 20% VAT; 3 valves at £12.99, 20% VAT; a 5% VAT item of £7.33 x 1.
    const totals = quoteTotals([
      { quantityMilli: 2500, unitPriceMinor: 4500, discountBp: 1000, taxRateBp: 2000 },
      { quantityMilli: 3000, unitPriceMinor: 1299, discountBp: 0, taxRateBp: 2000 },
      { quantityMilli: 1000, unitPriceMinor: 733, discountBp: 0, taxRateBp: 500 },
    ]);
    // Labour: 112.50 gross, 11.25 off, 101.25 net. Valves 38.97. Item 7.33.
    expect(totals.lines).toEqual([
      { grossMinor: 11250, discountMinor: 1125, netMinor: 10125 },
      { grossMinor: 3897, discountMinor: 0, netMinor: 3897 },
      { grossMinor: 733, discountMinor: 0, netMinor: 733 },
    ]);
    // VAT 5% of 7.33 = 0.3665 -> 0.37; VAT 20% of 140.22 = 28.044 -> 28.04.
    expect(totals.taxes).toEqual([
      { rateBp: 500, baseMinor: 733, taxMinor: 37 },
      { rateBp: 2000, baseMinor: 14022, taxMinor: 2804 },
    ]);
    expect(totals).toMatchObject({ subtotalMinor: 14755, discountMinor: 1125, taxMinor: 2841, totalMinor: 17596 });
  });

  it('never loses or invents a minor unit: the total is the subtotal plus the taxes, and lines add up', () => {
    const line = fc.record({
      quantityMilli: fc.integer({ min: 0, max: 1_000_000 }),
      unitPriceMinor: fc.integer({ min: 0, max: 10_000_000 }),
      discountBp: fc.integer({ min: 0, max: 10_000 }),
      taxRateBp: fc.constantFrom(0, 500, 2000, 2100),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const totals = quoteTotals(lines);
        expect(totals.totalMinor).toBe(totals.subtotalMinor + totals.taxMinor);
        expect(totals.subtotalMinor).toBe(totals.lines.reduce((sum, entry) => sum + entry.grossMinor - entry.discountMinor, 0));
        for (const entry of totals.lines) expect(entry.netMinor).toBeGreaterThanOrEqual(0);
        expect(totals.taxes.reduce((sum, tax) => sum + tax.baseMinor, 0)).toBe(totals.subtotalMinor);
      }),
    );
  });
});
