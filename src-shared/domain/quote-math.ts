// Quote arithmetic in integer minor units. Quantities are thousandths (1.5 h = 1500), rates
// and discounts are basis points (20% = 2000), so no float ever touches money. Rounding is
// half away from zero, once per line (net after discount) and once per tax rate (the tax on
// the sum of the lines at that rate), the way VAT invoices are usually reckoned.

export interface QuoteLineInput {
  quantityMilli: number;
  unitPriceMinor: number;
  /** Discount on this line, in basis points of its gross amount. */
  discountBp: number;
  taxRateBp: number;
}

export interface QuoteTotals {
  lines: { grossMinor: number; discountMinor: number; netMinor: number }[];
  subtotalMinor: number;
  discountMinor: number;
  taxes: { rateBp: number; baseMinor: number; taxMinor: number }[];
  taxMinor: number;
  totalMinor: number;
}

/** a / b rounded half away from zero, exactly, for integers (b > 0). */
export function divideRounded(a: number, b: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || b <= 0) throw new RangeError('divideRounded needs safe integers and b > 0');
  const sign = a < 0 ? -1 : 1;
  const magnitude = Math.abs(a);
  const quotient = Math.floor(magnitude / b);
  const remainder = magnitude - quotient * b;
  return sign * (remainder * 2 >= b ? quotient + 1 : quotient);
}

export function quoteTotals(lines: readonly QuoteLineInput[]): QuoteTotals {
  const computed = lines.map((line) => {
    const grossMinor = divideRounded(line.quantityMilli * line.unitPriceMinor, 1000);
    const discountMinor = divideRounded(grossMinor * line.discountBp, 10_000);
    return { grossMinor, discountMinor, netMinor: grossMinor - discountMinor };
  });
  const bases = new Map<number, number>();
  lines.forEach((line, index) => bases.set(line.taxRateBp, (bases.get(line.taxRateBp) ?? 0) + computed[index]!.netMinor));
  const taxes = [...bases]
    .sort(([a], [b]) => a - b)
    .map(([rateBp, baseMinor]) => ({ rateBp, baseMinor, taxMinor: divideRounded(baseMinor * rateBp, 10_000) }));
  const subtotalMinor = computed.reduce((sum, line) => sum + line.netMinor, 0);
  const taxMinor = taxes.reduce((sum, tax) => sum + tax.taxMinor, 0);
  return {
    lines: computed,
    subtotalMinor,
    discountMinor: computed.reduce((sum, line) => sum + line.discountMinor, 0),
    taxes,
    taxMinor,
    totalMinor: subtotalMinor + taxMinor,
  };
}
