import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import { cx } from './class-names';
import { SortButton } from './SortButton';
import './Table.css';

export interface TableColumn<Row> {
  id: string;
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  align?: 'end';
  /** A fixed width ('120px'); the others share what is left. */
  width?: string;
  /** The cell names its row (<th scope="row">): the row's first column, usually. */
  rowHeader?: boolean;
  muted?: boolean;
  numeric?: boolean;
  /** A sortable column: its header is a button (with `sort` and `onSort` on the table). */
  sortable?: boolean;
  /** For a row whose cell here stands for the next ones too: how many columns it covers. */
  span?: (row: Row) => number;
}

export interface TableProps<Row> {
  /** The table's accessible name (a caption, hidden unless showCaption). */
  caption: string;
  showCaption?: boolean;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  /** Marks a row ('problem', 'muted'); styled by the feature. */
  rowTone?: (row: Row, index: number) => 'problem' | 'muted' | undefined;
  /** Footer rows (<tr>…</tr>), such as a total. */
  footer?: ReactNode;
  sort?: { columnId: string; direction: 'asc' | 'desc' };
  onSort?: (columnId: string) => void;
  /** Draw only the rows in view, for thousands of rows: their fixed height in px. */
  virtualRowHeight?: number;
  /** compact: dense rows inside a card or a dialog; the default suits a screen. */
  density?: 'compact' | 'normal';
  /** The box scrolls beyond this height, its header staying in view. */
  maxHeight?: number;
  /** Shown under the header when there are no rows. */
  empty?: ReactNode;
  /** The frame: bordered (a box of its own) or plain (inside a card). */
  frame?: 'bordered' | 'plain';
}

/**
 * A table of records that all fit on screen (or, with virtualRowHeight, thousands): figures,
 * previews, mappings, a pipeline's deals.
 *   <Table caption="Figures per owner" columns={ownerColumns} rows={owners} rowKey={(row) => row.owner} />
 */
export function Table<Row>(props: TableProps<Row>) {
  const { caption, showCaption, columns, rows, rowKey, rowTone, footer, sort, onSort, virtualRowHeight, density = 'normal', maxHeight, empty, frame = 'bordered' } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerHeight = density === 'compact' ? 33 : 41;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser stays inside this component; nothing memoises over it
  const virtualizer = useVirtualizer({
    count: virtualRowHeight ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => virtualRowHeight ?? 40,
    overscan: 12,
    scrollMargin: headerHeight,
  });
  const items = virtualRowHeight
    ? virtualizer.getVirtualItems().map((item) => ({ index: item.index, start: item.start, end: item.end }))
    : rows.map((_, index) => ({ index, start: 0, end: 0 }));
  // Rows outside the window are stood in for by two spacer rows, so the table keeps its real height.
  const padTop = virtualRowHeight ? (items[0]?.start ?? headerHeight) - headerHeight : 0;
  const padBottom = virtualRowHeight ? virtualizer.getTotalSize() - ((items.at(-1)?.end ?? headerHeight) - headerHeight) : 0;
  const spacer = (height: number) => (
    <tr aria-hidden="true" className="table__spacer">
      <td colSpan={columns.length} style={{ height }} />
    </tr>
  );
  const cellClass = (column: TableColumn<Row>) => cx(column.align === 'end' && 'table__cell--end', column.muted && 'table__cell--muted', column.numeric && 'numeric');

  return (
    <div ref={scrollRef} className={cx('table-frame', `table-frame--${frame}`, virtualRowHeight !== undefined && 'table-frame--fill')} style={maxHeight ? { maxHeight } : undefined} tabIndex={virtualRowHeight ? -1 : undefined}>
      <table className={cx('table', `table--${density}`, columns.some((column) => column.width) && 'table--fixed')} aria-rowcount={virtualRowHeight ? rows.length + 1 : undefined}>
        <caption className={showCaption ? 'table__caption' : 'visually-hidden'}>{caption}</caption>
        {columns.some((column) => column.width) ? (
          <colgroup>
            {columns.map((column) => (
              <col key={column.id} style={column.width ? { width: column.width } : undefined} />
            ))}
          </colgroup>
        ) : null}
        <thead>
          <tr aria-rowindex={virtualRowHeight ? 1 : undefined}>
            {columns.map((column) => {
              const sorted = sort?.columnId === column.id ? sort.direction : null;
              return (
                <th
                  key={column.id}
                  scope="col"
                  className={cellClass(column)}
                  aria-sort={column.sortable ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined}
                >
                  {column.sortable && onSort ? (
                    <SortButton sorted={sorted} end={column.align === 'end'} onClick={() => onSort(column.id)}>
                      {column.header}
                    </SortButton>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? spacer(padTop) : null}
          {items.map(({ index }) => {
            const row = rows[index]!;
            const tone = rowTone?.(row, index);
            let covered = 0;
            return (
              <tr
                key={rowKey(row, index)}
                className={tone ? `table__row--${tone}` : undefined}
                aria-rowindex={virtualRowHeight ? index + 2 : undefined}
                style={virtualRowHeight ? { height: virtualRowHeight } : undefined}
              >
                {columns.map((column) => {
                  if (covered > 0) {
                    covered -= 1;
                    return null;
                  }
                  const span = column.span?.(row) ?? 1;
                  covered = span - 1;
                  return column.rowHeader ? (
                    <th key={column.id} scope="row" className={cellClass(column)}>
                      {column.cell(row, index)}
                    </th>
                  ) : (
                    <td key={column.id} className={cellClass(column)} colSpan={span > 1 ? span : undefined}>
                      {column.cell(row, index)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {padBottom > 0 ? spacer(padBottom) : null}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
      {rows.length === 0 && empty ? <div className="table__empty">{empty}</div> : null}
    </div>
  );
}
