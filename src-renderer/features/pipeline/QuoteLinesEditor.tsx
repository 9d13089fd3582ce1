import { useEffect, useRef } from 'react';
import { Button } from '../../ui/Button';
import { FieldError } from '../../ui/Field';
import { IconButton } from '../../ui/IconButton';
import { Table, type TableColumn } from '../../ui/Table';
import { currencySymbol, money } from './pipeline-format';
import type { LineErrors, LineRow } from './quote-form';

interface QuoteLinesEditorProps {
  rows: LineRow[];
  errors: Record<string, LineErrors>;
  currency: string;
  /** Each line's amount after discount, before tax; null for a line not started. */
  lineTotals: (number | null)[];
  onChange: (rows: LineRow[]) => void;
  onAdd: () => void;
}

type Column = Exclude<keyof LineRow, 'key'>;

/** The lines of a draft quote as a table of inputs; each input is named by its column and line number. */
export function QuoteLinesEditor({ rows, errors, currency, lineTotals, onChange, onAdd }: QuoteLinesEditorProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const lastCount = useRef(rows.length);

  // A new line takes focus on its description, so adding lines is Tab, type, Tab…
  useEffect(() => {
    if (rows.length > lastCount.current) wrapRef.current?.querySelector<HTMLInputElement>('tbody tr:last-child input')?.focus();
    lastCount.current = rows.length;
  }, [rows.length]);

  const update = (key: string, column: Column, value: string) => onChange(rows.map((row) => (row.key === key ? { ...row, [column]: value } : row)));

  const input = (column: Column, label: string, placeholder?: string) => (row: LineRow, index: number) => {
    const numeric = column !== 'description';
    const error = errors[row.key]?.[column];
    const errorId = `${row.key}-${column}-error`;
    return (
      <>
        <input
          className={numeric ? 'input quote-lines__number' : 'input'}
          aria-label={`${label}, line ${index + 1}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          inputMode={numeric ? 'decimal' : undefined}
          placeholder={placeholder}
          value={row[column]}
          onChange={(event) => update(row.key, column, event.target.value)}
        />
        {error ? <FieldError id={errorId}>{error}</FieldError> : null}
      </>
    );
  };

  const columns: TableColumn<LineRow>[] = [
    { id: 'description', header: 'Description', cell: input('description', 'Description', 'Labour, parts, call-out…') },
    { id: 'quantity', header: 'Qty', align: 'end', width: '84px', cell: input('quantity', 'Quantity') },
    { id: 'unitPrice', header: `Unit price (${currencySymbol(currency)})`, align: 'end', width: '132px', cell: input('unitPrice', 'Unit price', '0.00') },
    { id: 'discount', header: 'Discount %', align: 'end', width: '96px', cell: input('discount', 'Discount', '0') },
    { id: 'taxRate', header: 'Tax %', align: 'end', width: '84px', cell: input('taxRate', 'Tax rate') },
    {
      id: 'amount',
      header: 'Amount',
      align: 'end',
      width: '116px',
      cell: (_, index) => (lineTotals[index] === null ? <span className="muted">—</span> : money(lineTotals[index] ?? 0, currency)),
    },
    {
      id: 'remove',
      header: <span className="visually-hidden">Remove</span>,
      width: '48px',
      cell: (row, index) => (
        <IconButton
          icon="close"
          label={`Remove line ${index + 1}`}
          disabled={rows.length === 1}
          onClick={() => onChange(rows.filter((candidate) => candidate.key !== row.key))}
        />
      ),
    },
  ];

  return (
    <div ref={wrapRef} className="quote-lines">
      <Table caption="Quote lines" density="compact" frame="plain" columns={columns} rows={rows} rowKey={(row) => row.key} />
      <div>
        <Button variant="ghost" size="sm" icon="plus" onClick={onAdd}>
          Add line
        </Button>
      </div>
    </div>
  );
}
