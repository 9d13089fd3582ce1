// Sums of money in several currencies: one total per currency, never added together (there is
// no rate in an offline CRM that would make £ and $ one figure). Used by the pipeline board's
// column totals, its header and the dashboard; the renderer writes them "£1,200 · $300".

export interface CurrencyTotal {
  currency: string;
  totalMinor: number;
  weightedMinor: number;
}

/** Adds (or with a negative sign, takes away) an amount in its currency; a currency that falls to nothing is dropped. */
export function addToTotals(totals: readonly CurrencyTotal[], currency: string, totalMinor: number, weightedMinor: number): CurrencyTotal[] {
  const found = totals.some((entry) => entry.currency === currency);
  const next = found
    ? totals.map((entry) => (entry.currency === currency ? { currency, totalMinor: entry.totalMinor + totalMinor, weightedMinor: entry.weightedMinor + weightedMinor } : entry))
    : [...totals, { currency, totalMinor, weightedMinor }];
  return next.filter((entry) => entry.totalMinor !== 0 || entry.weightedMinor !== 0);
}

/** Several lists of totals as one, per currency. */
export function mergeTotals(lists: readonly (readonly CurrencyTotal[])[]): CurrencyTotal[] {
  return lists.flat().reduce<CurrencyTotal[]>((sum, entry) => addToTotals(sum, entry.currency, entry.totalMinor, entry.weightedMinor), []);
}

/** The office's currency first, then the others by size: the order totals are read in. */
export function orderTotals<T extends { currency: string; totalMinor: number }>(totals: readonly T[], officeCurrency: string): T[] {
  return [...totals].sort((a, b) => Number(b.currency === officeCurrency) - Number(a.currency === officeCurrency) || b.totalMinor - a.totalMinor || a.currency.localeCompare(b.currency));
}
