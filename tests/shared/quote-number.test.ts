import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQuoteNumber, parseQuoteNumber, quoteSeries, seriesLetters, soloSeries } from '../../src-shared/domain/quote-number';

describe('quote series', () => {
  it('names devices A to Z, then AA, and never gives two devices the same name', () => {
    expect([1, 2, 26, 27, 28, 52, 53, 702, 703].map(seriesLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 1, max: 500_000 }), (a, b) => {
        expect(seriesLetters(a) === seriesLetters(b)).toBe(a === b);
        expect(seriesLetters(a)).toMatch(/^[A-Z]+$/);
      }),
    );
  });

  it('counts a laptop alone in a series of its own, and one whose number is not known yet in a series no numbered device has', () => {
    const deviceId = '0193a4b2-7c1d-7e0f-9a1b-2c3d4e5f6a7b';
    expect(quoteSeries({ inWorkspace: false, deviceNumber: undefined, deviceId })).toBe(soloSeries(deviceId));
    expect(soloSeries(deviceId)).toMatch(/^[A-Z]{4}$/);
    expect(quoteSeries({ inWorkspace: true, deviceNumber: 3, deviceId })).toBe('C');
    expect(quoteSeries({ inWorkspace: true, deviceNumber: undefined, deviceId })).toBe('X6A7B');
  });

  it('gives laptops alone series of four letters drawn from their device ids, which no device of an office numbers in', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{12}$/);
    fc.assert(
      fc.property(hex, fc.integer({ min: 1, max: 18_278 }), (tail, device) => {
        const series = soloSeries(`0193a4b2-7c1d-7e0f-9a1b-${tail}`);
        expect(series).toMatch(/^[A-Z]{4}$/);
        expect(series).not.toBe(seriesLetters(device));
      }),
    );
    // Device ids differ in their random end: so do, nearly always, their series.
    const many = new Set(Array.from({ length: 2000 }, (_, index) => soloSeries(`0193a4b2-7c1d-7e0f-9a1b-${(index * 2_654_435_761 % 2 ** 48).toString(16).padStart(12, '0')}`)));
    expect(many.size).toBeGreaterThan(1990);
  });

  it('reads back the numbers it writes, and not the older random ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2999 }), fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 99_999 }), (year, device, count) => {
        const series = seriesLetters(device);
        expect(parseQuoteNumber(formatQuoteNumber(year, series, count))).toEqual({ year, series, count });
      }),
    );
    expect(formatQuoteNumber(2026, 'A', 42)).toBe('Q-2026-A-0042');
    expect(parseQuoteNumber('Q-20261205-24BE5B')).toBeNull();
  });
});
