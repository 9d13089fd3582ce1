import { orderTotals, type CurrencyTotal } from '../../../src-shared/domain/money-totals';
import { minorToDecimal } from '../../../src-shared/money';
import { currencyDigits, formatMoney } from '../../ui/format';

// Quantities and rates are stored as integers (thousandths, basis points); these turn what a
// person types into those integers and back, without a float ever holding them. Money is read by
// src-shared/money.ts (readMoney), one parser for the whole app. Parsing here returns null for
// text that is not a plain non-negative number.

const plainNumber = /^\d{1,15}(?:\.\d*)?$|^\.\d+$/;

/** "1,234.5" with `scale` decimal places kept as an integer: 1234.5 at scale 2 is 123450. */
function parseScaled(text: string, scale: number): number | null {
  const cleaned = text.trim().replace(/[,\s]/g, '');
  if (cleaned === '') return null;
  if (!plainNumber.test(cleaned)) return null;
  const [whole = '', fraction = ''] = cleaned.split('.');
  const kept = fraction.slice(0, scale).padEnd(scale, '0');
  const dropped = fraction.slice(scale);
  let value = Number(whole || '0') * 10 ** scale + Number(kept || '0');
  // Half away from zero on the first dropped digit, as quote-math rounds.
  if (dropped.length > 0 && Number(dropped[0]) >= 5) value += 1;
  return Number.isSafeInteger(value) ? value : null;
}

export function moneyInput(amountMinor: number, currency: string): string {
  return minorToDecimal(amountMinor, currency);
}

export function money(amountMinor: number, currency: string): string {
  return formatMoney({ amountMinor, currency });
}

/** "£2,000", "£96,500", "£287K": whole units, compact from 100,000; for totals, axes and tight headers. */
export function compactMoney(amountMinor: number, currency: string): string {
  const value = amountMinor / 10 ** currencyDigits(currency);
  try {
    const options: Intl.NumberFormatOptions =
      Math.abs(value) < 100_000
        ? { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }
        : { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 };
    return new Intl.NumberFormat(undefined, options).format(value);
  } catch {
    return `${value} ${currency}`;
  }
}

/** The symbol or code shown before a money input ("£", "CHF"). */
export function currencySymbol(currency: string): string {
  try {
    const part = new Intl.NumberFormat(undefined, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })
      .formatToParts(0)
      .find((candidate) => candidate.type === 'currency');
    return part?.value ?? currency;
  } catch {
    return currency;
  }
}

/** Quantities are thousandths: "1.5" hours is 1500. */
export function parseQuantity(text: string): number | null {
  return parseScaled(text, 3);
}

export function quantityInput(quantityMilli: number): string {
  return trimZeros((quantityMilli / 1000).toFixed(3));
}

/** Percentages are basis points: "12.5" is 1250. Above 100% is refused. */
export function parsePercent(text: string): number | null {
  const value = parseScaled(text.replace(/%\s*$/, ''), 2);
  return value === null || value > 10_000 ? null : value;
}

export function percentInput(bp: number): string {
  return trimZeros((bp / 100).toFixed(2));
}

export function percent(bp: number): string {
  return `${trimZeros((bp / 100).toFixed(2))}%`;
}

/** A ratio (0.375) as "38%"; null as an em dash, for "no deals entered". */
export function ratio(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

export function days(value: number | null): string {
  if (value === null) return '—';
  if (value > 0 && value < 0.5) return 'under a day';
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'day' : 'days'}`;
}

function trimZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const shortMonth = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });

/** "21 Jan" this year, "Jan 2027" beyond it: for cards, where the full date is in a tooltip. */
export function shortDate(epochMs: number, now: number): string {
  return new Date(epochMs).getFullYear() === new Date(now).getFullYear() ? shortDay.format(epochMs) : shortMonth.format(epochMs);
}

/**
 * Totals in several currencies, each on its own ("£12K · $3,400"): never one sum across
 * currencies. The office's currency first; nothing at all reads as 0 in it.
 */
export function moneyByCurrency(
  totals: readonly CurrencyTotal[],
  officeCurrency: string,
  which: 'totalMinor' | 'weightedMinor' = 'totalMinor',
  format: (amountMinor: number, currency: string) => string = compactMoney,
  separator = ' · ',
): string {
  const shown = orderTotals(totals, officeCurrency).filter((entry) => entry[which] !== 0);
  if (shown.length === 0) return format(0, officeCurrency);
  return shown.map((entry) => format(entry[which], entry.currency)).join(separator);
}
