import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, minorToDecimal, moneyMessages, parseAmount, readMoney, totalsByCurrency } from '../../src-shared/money';

describe('readMoney', () => {
  it('keeps the minus sign of a quote line, however it is written', () => {
    for (const text of ['-500', '−500', '-£500', '£-500', '(500.00)', '- 500', '-500.00 GBP']) {
      expect(readMoney(text, 'GBP', 'signed'), text).toEqual({ ok: true, amountMinor: -50_000 });
    }
  });

  it('refuses a negative deal value or potential value with a reason, instead of dropping the sign', () => {
    expect(readMoney('-250', 'GBP', 'nonNegative')).toEqual({ ok: false, error: moneyMessages.negative });
    expect(readMoney('(250)', 'GBP', 'nonNegative')).toEqual({ ok: false, error: moneyMessages.negative });
  });

  it('reads grouped thousands and decimal commas the way people write them', () => {
    expect(readMoney('1,250.50', 'GBP', 'nonNegative')).toEqual({ ok: true, amountMinor: 125_050 });
    expect(readMoney('£1 250,50', 'GBP', 'nonNegative')).toEqual({ ok: true, amountMinor: 125_050 });
    expect(readMoney('1.250,50', 'EUR', 'nonNegative')).toEqual({ ok: true, amountMinor: 125_050 });
    expect(readMoney('1,5', 'EUR', 'nonNegative', { decimalComma: true })).toEqual({ ok: true, amountMinor: 150 });
    expect(readMoney('1,000', 'GBP', 'nonNegative')).toEqual({ ok: true, amountMinor: 100_000 });
    expect(readMoney('1250', 'JPY', 'nonNegative')).toEqual({ ok: true, amountMinor: 1250 });
    expect(readMoney('0.29', 'GBP', 'nonNegative')).toEqual({ ok: true, amountMinor: 29 });
    expect(readMoney('2.345', 'GBP', 'nonNegative')).toEqual({ ok: true, amountMinor: 235 });
  });

  it('says an empty field is empty, and refuses what is not an amount', () => {
    expect(readMoney('  ', 'GBP', 'signed')).toEqual({ ok: true, amountMinor: null });
    for (const text of ['abc', '1,25,0', '12..5', '1-2', '--5', '1e5']) {
      expect(readMoney(text, 'GBP', 'signed'), text).toEqual({ ok: false, error: moneyMessages.notAnAmount });
    }
    expect(readMoney('99999999999999999', 'GBP', 'signed').ok).toBe(false);
  });

  it('reads back every amount it writes, in any currency and sign', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.constantFrom('GBP', 'USD', 'JPY', 'KWD', 'EUR'), (amountMinor, currency) => {
        const reading = readMoney(minorToDecimal(amountMinor, currency), currency, 'signed');
        expect(reading).toEqual({ ok: true, amountMinor: amountMinor === 0 ? 0 : amountMinor });
      }),
    );
  });

  it('reads back what it prints for people in the office locale', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), fc.constantFrom('en-GB', 'en-US', 'en-IE'), (amountMinor, locale) => {
        const printed = formatMoney(amountMinor, 'GBP', locale);
        expect(parseAmount(printed, 'GBP', false)).toBe(amountMinor === 0 ? 0 : amountMinor);
      }),
    );
  });
});

describe('totalsByCurrency', () => {
  it('never adds pounds to dollars', () => {
    const totals = totalsByCurrency([
      { amountMinor: 100, currency: 'GBP' },
      { amountMinor: 250, currency: 'USD' },
      { amountMinor: 50, currency: 'GBP' },
    ]);
    expect(totals).toEqual([
      { currency: 'GBP', amountMinor: 150 },
      { currency: 'USD', amountMinor: 250 },
    ]);
  });
});
