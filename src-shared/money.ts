/** Minor units as a plain decimal string ("1234.50"), for exports and the accountant. */
export function minorToDecimal(amountMinor: number, currency: string): string {
  const digits = fractionDigits(currency);
  if (digits === 0) return String(amountMinor);
  const sign = amountMinor < 0 ? '-' : '';
  const absolute = Math.abs(amountMinor);
  const scale = 10 ** digits;
  return `${sign}${Math.floor(absolute / scale)}.${String(absolute % scale).padStart(digits, '0')}`;
}

/** A person-readable amount such as "£1,234.50", in the given locale. */
export function formatMoney(amountMinor: number, currency: string, locale = 'en-GB'): string {
  const digits = fractionDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    amountMinor / 10 ** digits,
  );
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
