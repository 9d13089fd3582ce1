import type { QuoteLine } from '../../../src-shared/domain/quote';
import { quoteTotals } from '../../../src-shared/domain/quote-math';
import { Table, type TableColumn } from '../../ui/Table';
import { money, percent, quantityInput } from './pipeline-format';

/** A sent quote's lines, as they were sent: no longer editable. */
export function QuoteLinesView({ lines, currency }: { lines: readonly QuoteLine[]; currency: string }) {
  const amounts = quoteTotals(lines).lines;
  const columns: TableColumn<QuoteLine>[] = [
    { id: 'description', header: 'Description', cell: (line) => line.description },
    { id: 'quantity', header: 'Qty', align: 'end', cell: (line) => quantityInput(line.quantityMilli) },
    { id: 'price', header: 'Unit price', align: 'end', cell: (line) => money(line.unitPriceMinor, currency) },
    { id: 'discount', header: 'Discount', align: 'end', cell: (line) => (line.discountBp === 0 ? '—' : percent(line.discountBp)) },
    { id: 'tax', header: 'Tax', align: 'end', cell: (line) => percent(line.taxRateBp) },
    { id: 'amount', header: 'Amount', align: 'end', cell: (_, index) => money(amounts[index]?.netMinor ?? 0, currency) },
  ];
  return <Table caption="Quote lines" density="compact" frame="plain" columns={columns} rows={lines} rowKey={(_, index) => index} />;
}
