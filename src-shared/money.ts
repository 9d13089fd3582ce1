// Money is integer minor units with a currency code everywhere (docs/architecture.md). This module is
// the one place that turns what a person or a file writes into those integers, and back: the
// contact form, the deal dialog, the quote editor, settings and the CSV import all read amounts
// with `readMoney`, each field with its rule, so one screen can never keep a minus sign that
// another drops.

/**
 * What a field accepts. `nonNegative`: a deal's value, a potential value, a price list amount.
 * `signed`: a quote line, where a deposit already paid or an amount off is a negative line.
 */
export type MoneyRule = 'nonNegative' | 'signed';

export type MoneyReading =
  /** `amountMinor` null: the field was left empty. */
  | { ok: true; amountMinor: number | null }
  | { ok: false; error: string };

export const moneyMessages = {
  notAnAmount: 'Enter an amount such as 1250 or 1,250.50',
  negative: 'This amount cannot be negative',
  tooLarge: 'That amount is too large',
} as const;

/** Larger than any real quote or deal, and well inside the integers a double holds exactly. */
const largestMinor = 1_000_000_000_000_00;

/**
 * "1,250.50", "£1 250,50", "-500", "(500)", "−500", "€ 99": integer minor units of `currency`,
 * rounded half away from zero past its decimals. `decimalComma` decides a lone comma ("1,5"):
 * decimal in files that use `;` between columns and for people who write 1.250,50.
 */
export function readMoney(text: string, currency: string, rule: MoneyRule, options: { decimalComma?: boolean } = {}): MoneyReading {
  const amount = parseAmount(text, currency, options.decimalComma ?? false);
  if (amount === 'empty') return { ok: true, amountMinor: null };
  if (amount === null) return { ok: false, error: moneyMessages.notAnAmount };
  if (Math.abs(amount) > largestMinor) return { ok: false, error: moneyMessages.tooLarge };
  if (rule === 'nonNegative' && amount < 0) return { ok: false, error: moneyMessages.negative };
  // -0 would print as "-£0.00".
  return { ok: true, amountMinor: amount === 0 ? 0 : amount };
}

/**
 * The parser under readMoney, with no rule: minor units, 'empty' for blank text, null for text
 * that is not an amount. Currency symbols and codes around the number are ignored; a sign may be
 * `-`, `+`, the typographic minus `−`, or accounting parentheses.
 */
export function parseAmount(raw: string, currency: string, decimalComma: boolean): number | null | 'empty' {
  let text = raw.replace(/[\s\u00a0\u202f']/g, '').replace(/\u2212/g, '-');
  if (text === '') return 'empty';
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    negative = true;
    text = parenthesised[1]!;
  }
  // A sign may stand before or after a currency symbol: "-£500", "£-500".
  text = text.replace(currencyBefore, '');
  if (text.startsWith('-') || text.startsWith('+')) {
    negative = negative !== text.startsWith('-');
    text = text.slice(1).replace(currencyBefore, '');
  }
  text = text.replace(currencyAfter, '');
  if (!/^[\d.,]+$/.test(text)) return null;
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let decimalMark: '.' | ',' | null = null;
  if (lastDot !== -1 && lastComma !== -1) decimalMark = lastDot > lastComma ? '.' : ',';
  else if (lastComma !== -1) decimalMark = text.split(',').length === 2 && (decimalComma || !/,\d{3}$/.test(text)) ? ',' : null;
  else if (lastDot !== -1) decimalMark = text.split('.').length === 2 && (!decimalComma || !/\.\d{3}$/.test(text)) ? '.' : null;
  const [whole = '', fraction = ''] = decimalMark ? text.split(decimalMark) : [text, ''];
  const groupMark = decimalMark === '.' ? ',' : decimalMark === ',' ? '.' : whole.includes(',') ? ',' : '.';
  if (!groupedCorrectly(whole, groupMark)) return null;
  const integerDigits = whole.replace(/[.,]/g, '');
  if (!/^\d*$/.test(integerDigits) || !/^\d*$/.test(fraction) || integerDigits + fraction === '') return null;
  if (integerDigits.length > 16) return null;
  const digits = fractionDigits(currency);
  const padded = (fraction + '0'.repeat(digits)).slice(0, digits);
  // Built from the digit strings, so 0.29 never becomes 28 minor units through a binary float.
  let minor = Number(`${integerDigits || '0'}${padded}`);
  if (Number(fraction[digits] ?? '0') >= 5) minor += 1;
  if (!Number.isSafeInteger(minor)) return null;
  return negative ? -minor : minor;
}

// What may stand around the number: a currency code or short sign ("GBP", "kr", "Fr.") and/or a
// currency symbol. Any other words ("about 1500") make it not an amount.
const currencyBefore = /^(?:[A-Za-z]{1,3}\.?)?\p{Sc}?/u;
const currencyAfter = /\p{Sc}?(?:[A-Za-z]{1,3}\.?)?$/u;

/** "1,250", "12,500,000" and "1,00,000" are grouped digits; "1,25,0" and "1,,2" are typos, not amounts. */
function groupedCorrectly(whole: string, groupMark: string): boolean {
  if (!whole.includes(groupMark)) return !/[.,]/.test(whole);
  const groups = whole.split(groupMark);
  return groups.every((group) => /^\d+$/.test(group)) && groups[groups.length - 1]!.length === 3;
}

/** Minor units as a plain decimal string ("1234.50", "-500.00"), for inputs, exports and the accountant. */
export function minorToDecimal(amountMinor: number, currency: string): string {
  const digits = fractionDigits(currency);
  if (digits === 0) return String(amountMinor);
  const sign = amountMinor < 0 ? '-' : '';
  const absolute = Math.abs(amountMinor);
  const scale = 10 ** digits;
  return `${sign}${Math.floor(absolute / scale)}.${String(absolute % scale).padStart(digits, '0')}`;
}

/** A person-readable amount such as "£1,234.50" or "-£500.00", in the given locale. */
export function formatMoney(amountMinor: number, currency: string, locale?: string): string {
  const digits = fractionDigits(currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
      amountMinor / 10 ** digits,
    );
  } catch {
    return `${minorToDecimal(amountMinor, currency)} ${currency}`;
  }
}

/**
 * Sums per currency, in the order each currency first appears: money in different currencies is
 * shown side by side ("£1,200.00 + $300.00"), never added into one figure.
 */
export function totalsByCurrency(amounts: Iterable<{ amountMinor: number; currency: string }>): { currency: string; amountMinor: number }[] {
  const totals = new Map<string, number>();
  for (const { amountMinor, currency } of amounts) totals.set(currency, (totals.get(currency) ?? 0) + amountMinor);
  return [...totals].map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

const digitsByCurrency = new Map<string, number>();

/**
 * Decimal places of a currency's minor unit (JPY 0, GBP 2, KWD 3). Cached: building an
 * Intl.NumberFormat per call was a tenth of a 100k-contact export.
 */
export function fractionDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}
