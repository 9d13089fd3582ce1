import { memo, type KeyboardEvent, type ReactNode } from 'react';
import { cx } from './class-names';

/** What a row draws of its grid's columns (VirtualGrid's GridColumn). */
export interface GridRowColumn<Item> {
  id: string;
  align?: 'end';
  muted?: boolean;
  numeric?: boolean;
  cell: (item: Item, index: number) => ReactNode;
}

/** The row's handlers: one object for the grid's lifetime, calling the grid's latest ones. */
export interface GridRowEvents<Item> {
  focus(index: number): void;
  keyDown(event: KeyboardEvent<HTMLDivElement>, index: number): void;
  open(item: Item): void;
}

export interface GridRowProps<Item> {
  index: number;
  /** Undefined while its page loads: a skeleton. */
  item: Item | undefined;
  columns: readonly GridRowColumn<Item>[];
  height: number;
  /** Its offset in the grid's body, in px. */
  top: number;
  /** The active row: the one in the tab order. */
  tabbable: boolean;
  selected: boolean | undefined;
  events: GridRowEvents<Item>;
}

export function cellClass(column: Pick<GridRowColumn<unknown>, 'align' | 'muted' | 'numeric'>): string {
  return cx('grid__cell', column.align === 'end' && 'grid__cell--end', column.muted && 'grid__cell--muted', column.numeric && 'numeric');
}

function GridRowOf<Item>({ index, item, columns, height, top, tabbable, selected, events }: GridRowProps<Item>) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-busy={item ? undefined : true}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      data-row={index}
      className="grid__row"
      style={{ height, transform: `translateY(${top}px)` }}
      onFocus={() => events.focus(index)}
      onKeyDown={(event) => events.keyDown(event, index)}
      onClick={(event) => {
        if (!item) return;
        event.preventDefault();
        events.open(item);
      }}
    >
      {item ? (
        columns.map((column) => (
          <div key={column.id} role="gridcell" className={cellClass(column)}>
            {column.cell(item, index)}
          </div>
        ))
      ) : (
        <div role="gridcell" className="grid__cell">
          <span className="grid__skeleton" />
          <span className="visually-hidden">Loading…</span>
        </div>
      )}
    </div>
  );
}

/**
 * One row of a VirtualGrid, drawn again only when what it shows changed: another item (a search
 * answer that keeps a contact at the same place keeps its row), another column's cell or place, its
 * position, focus or selection. A keystroke, which only makes the rows stale, draws no row.
 */
export const GridRow = memo(GridRowOf, sameRow) as typeof GridRowOf;

function sameRow<Item>(before: GridRowProps<Item>, after: GridRowProps<Item>): boolean {
  return (
    before.index === after.index &&
    before.height === after.height &&
    before.top === after.top &&
    before.tabbable === after.tabbable &&
    before.selected === after.selected &&
    before.events === after.events &&
    sameItem(before.item, after.item) &&
    sameColumns(before.columns, after.columns)
  );
}

/** The same contents: a new answer brings new objects, mostly for rows already shown. */
function sameItem(before: unknown, after: unknown): boolean {
  if (before === after) return true;
  if (typeof before !== 'object' || typeof after !== 'object' || before === null || after === null) return false;
  const beforeKeys = Object.keys(before);
  if (beforeKeys.length !== Object.keys(after).length) return false;
  return beforeKeys.every((key) => Object.is((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key]));
}

/** The columns a row draws, in order, each with the same cell function (its closure is what it draws from). */
function sameColumns<Item>(before: readonly GridRowColumn<Item>[], after: readonly GridRowColumn<Item>[]): boolean {
  if (before === after) return true;
  if (before.length !== after.length) return false;
  return before.every((column, index) => {
    const other = after[index]!;
    return column.id === other.id && column.cell === other.cell && cellClass(column) === cellClass(other);
  });
}
