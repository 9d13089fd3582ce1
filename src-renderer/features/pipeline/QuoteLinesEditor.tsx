import { useEffect, useRef } from 'react';
import { Icon } from '../../ui/Icon';
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
  const tableRef = useRef<HTMLTableElement>(null);
  const lastCount = useRef(rows.length);

  // A new line takes focus on its description, so adding lines is Tab, type, Tab…
  useEffect(() => {
    if (rows.length > lastCount.current) {
      tableRef.current?.querySelector<HTMLInputElement>('tbody tr:last-child input')?.focus();
    }
    lastCount.current = rows.length;
  }, [rows.length]);

  const update = (key: string, column: Column, value: string) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, [column]: value } : row)));

  const cell = (row: LineRow, index: number, column: Column, label: string, props: { inputMode?: 'decimal'; placeholder?: string } = {}) => {
    const error = errors[row.key]?.[column];
    const errorId = `${row.key}-${column}-error`;
    return (
      <>
        <input
          className={`input${column === 'description' ? '' : ' pl-num'}`}
          aria-label={`${label}, line ${index + 1}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          value={row[column]}
          onChange={(event) => update(row.key, column, event.target.value)}
          {...props}
        />
        {error ? (
          <p id={errorId} className="field__error">
            {error}
          </p>
        ) : null}
      </>
    );
  };

  return (
    <div className="quote-lines">
      <table ref={tableRef} className="quote-lines__table" aria-label="Quote lines">
        <thead>
          <tr>
            <th scope="col">Description</th>
            <th scope="col" className="col--end">
              Qty
            </th>
            <th scope="col" className="col--end">
              Unit price ({currencySymbol(currency)})
            </th>
            <th scope="col" className="col--end">
              Discount %
            </th>
            <th scope="col" className="col--end">
              Tax %
            </th>
            <th scope="col" className="col--end">
              Amount
            </th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key}>
              <td className="quote-lines__description">{cell(row, index, 'description', 'Description', { placeholder: 'Labour, parts, call-out…' })}</td>
              <td className="quote-lines__qty">{cell(row, index, 'quantity', 'Quantity', { inputMode: 'decimal' })}</td>
              <td className="quote-lines__price">{cell(row, index, 'unitPrice', 'Unit price', { inputMode: 'decimal', placeholder: '0.00' })}</td>
              <td className="quote-lines__rate">{cell(row, index, 'discount', 'Discount', { inputMode: 'decimal', placeholder: '0' })}</td>
              <td className="quote-lines__rate">{cell(row, index, 'taxRate', 'Tax rate', { inputMode: 'decimal' })}</td>
              <td className="quote-lines__amount pl-num">
                {lineTotals[index] === null ? <span className="muted">—</span> : money(lineTotals[index] ?? 0, currency)}
              </td>
              <td className="quote-lines__remove">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove line ${index + 1}`}
                  disabled={rows.length === 1}
                  onClick={() => onChange(rows.filter((candidate) => candidate.key !== row.key))}
                >
                  <Icon name="close" size={16} />
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button button--ghost button--small quote-lines__add" onClick={onAdd}>
        <Icon name="plus" size={16} /> Add line
      </button>
    </div>
  );
}
