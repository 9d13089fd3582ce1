import type { QuoteLine } from '../../../src-shared/domain/quote';
import { quoteTotals, type QuoteTotals } from '../../../src-shared/domain/quote-math';
import { readMoney } from '../../../src-shared/money';
import { moneyInput, parsePercent, parseQuantity, percentInput, quantityInput } from './pipeline-format';

// A quote's lines as typed, and the same lines as the core stores them. Totals are computed
// with quoteTotals from src-shared, the arithmetic the core uses for the PDF, so what the
// editor shows is exactly what the customer receives.

export interface LineRow {
  key: string;
  description: string;
  quantity: string;
  unitPrice: string;
  discount: string;
  taxRate: string;
}

export type LineErrors = Partial<Record<Exclude<keyof LineRow, 'key'>, string>>;

let rowCounter = 0;
function nextKey(): string {
  rowCounter += 1;
  return `quote-line-${rowCounter}`;
}

export function blankLine(defaultTaxRateBp: number): LineRow {
  return { key: nextKey(), description: '', quantity: '1', unitPrice: '', discount: '', taxRate: percentInput(defaultTaxRateBp) };
}

export function rowFromLine(line: QuoteLine, currency: string): LineRow {
  return {
    key: nextKey(),
    description: line.description,
    quantity: quantityInput(line.quantityMilli),
    unitPrice: moneyInput(line.unitPriceMinor, currency),
    discount: line.discountBp === 0 ? '' : percentInput(line.discountBp),
    taxRate: percentInput(line.taxRateBp),
  };
}

interface ParsedRow {
  line: QuoteLine;
  errors: LineErrors;
}

export function parseRow(row: LineRow, currency: string): ParsedRow {
  const errors: LineErrors = {};
  const quantityMilli = parseQuantity(row.quantity);
  // A line may be negative: a deposit already paid, or an amount off.
  const price = readMoney(row.unitPrice, currency, 'signed');
  const unitPriceMinor = price.ok ? (price.amountMinor ?? 0) : null;
  const discountBp = row.discount.trim() === '' ? 0 : parsePercent(row.discount);
  const taxRateBp = row.taxRate.trim() === '' ? 0 : parsePercent(row.taxRate);
  if (!row.description.trim()) errors.description = 'Describe the line';
  if (quantityMilli === null) errors.quantity = 'Enter a quantity such as 1 or 2.5';
  if (!price.ok) errors.unitPrice = price.error;
  if (discountBp === null) errors.discount = 'Enter a discount from 0 to 100%, or add a line with a negative price for an amount off';
  if (taxRateBp === null) errors.taxRate = 'Enter a tax rate from 0 to 100%';
  return {
    line: {
      description: row.description.trim(),
      quantityMilli: quantityMilli ?? 0,
      unitPriceMinor: unitPriceMinor ?? 0,
      discountBp: discountBp ?? 0,
      taxRateBp: taxRateBp ?? 0,
    },
    errors,
  };
}

/** Totals as typed so far: a line that does not parse yet counts as nothing. */
export function liveTotals(rows: readonly LineRow[], currency: string): QuoteTotals {
  return quoteTotals(rows.map((row) => parseRow(row, currency).line));
}
