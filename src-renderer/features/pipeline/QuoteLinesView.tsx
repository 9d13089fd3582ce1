import type { QuoteLine } from '../../../src-shared/domain/quote';
import { quoteTotals } from '../../../src-shared/domain/quote-math';
import { money, percent, quantityInput } from './pipeline-format';

/** A sent quote's lines, as they were sent: no longer editable. */
export function QuoteLinesView({ lines, currency }: { lines: readonly QuoteLine[]; currency: string }) {
  const amounts = quoteTotals(lines).lines;
  return (
    <table className="quote-lines__table quote-lines__table--view" aria-label="Quote lines">
      <thead>
        <tr>
          <th scope="col">Description</th>
          <th scope="col" className="col--end">
            Qty
          </th>
          <th scope="col" className="col--end">
            Unit price
          </th>
          <th scope="col" className="col--end">
            Discount
          </th>
          <th scope="col" className="col--end">
            Tax
          </th>
          <th scope="col" className="col--end">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, index) => (
          <tr key={index}>
            <td>{line.description}</td>
            <td className="col--end pl-num">{quantityInput(line.quantityMilli)}</td>
            <td className="col--end pl-num">{money(line.unitPriceMinor, currency)}</td>
            <td className="col--end pl-num">{line.discountBp === 0 ? '—' : percent(line.discountBp)}</td>
            <td className="col--end pl-num">{percent(line.taxRateBp)}</td>
            <td className="col--end pl-num">{money(amounts[index]?.netMinor ?? 0, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
