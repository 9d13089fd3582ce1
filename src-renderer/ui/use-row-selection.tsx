import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { SelectCell, SelectPageCell } from './SelectCell';
import { extendTo, isSelected, noSelection, pageState, selectAllMatching, selectedCount, toBulkSelection, toggleRow, togglePage, type RowSelection } from './selection';
import type { PagedRows, PagedSnapshot } from './paged-rows';
import type { GridColumn } from './VirtualGrid';

export interface RowSelectionOptions<Item, Request> {
  rows: PagedRows<Item, Request>;
  snapshot: PagedSnapshot<Item>;
  /** The list's request: a new one (other filters, another search) clears the selection. */
  request: Request;
  /** Kept the same function across renders (module level), so the rows' checkboxes are not redrawn at every answer. */
  idOf: (item: Item) => string;
  /** What the row's checkbox is called after "Select": the contact's name. Kept the same function, as idOf. */
  nameOf: (item: Item) => string;
  /** "contacts": the header checkbox is "Select all loaded contacts". */
  noun: string;
}

/**
 * Row selection for a VirtualGrid: a checkbox column to put first, the grid's Space handler, and
 * the selection as a value (selection.ts) for the bulk bar.
 *   const selecting = useRowSelection({ rows, snapshot, request, idOf: (c) => c.id, nameOf: (c) => c.name, noun: 'contacts' });
 *   <VirtualGrid columns={[selecting.column, ...columns]} onSelectRow={selecting.onSelectRow} isRowSelected={selecting.isRowSelected} … />
 */
export function useRowSelection<Item, Request>({ rows, snapshot, request, idOf, nameOf, noun }: RowSelectionOptions<Item, Request>) {
  const [state, setState] = useState<{ request: Request; selection: RowSelection }>({ request, selection: noSelection });
  // A selection belongs to the request it was made in; another request starts with none.
  const selection = state.request === request ? state.selection : noSelection;
  const update = (next: (current: RowSelection) => RowSelection) => setState({ request, selection: next(selection) });
  const idAt = (index: number) => {
    const item = rows.itemAt(snapshot, index);
    return item === undefined ? undefined : idOf(item);
  };
  const loadedIds = [...snapshot.pages.values()].flatMap((page) => page.map(idOf));
  const onSelectRow = (index: number, range: boolean) => {
    const id = idAt(index);
    if (id === undefined) return;
    update((current) => (range ? extendTo(current, index, idAt) : toggleRow(current, id, index)));
  };
  const page = pageState(selection, loadedIds);
  // The rows' checkboxes change with the selection only (GridRow redraws a row when its cell
  // function changes); a click reaches the latest onSelectRow, whatever render drew the checkbox.
  const latestSelectRow = useRef(onSelectRow);
  useLayoutEffect(() => {
    latestSelectRow.current = onSelectRow;
  });
  const cell = useMemo(
    () => (item: Item, index: number) => (
      <SelectCell label={`Select ${nameOf(item)}`} checked={isSelected(selection, idOf(item))} onToggle={(range) => latestSelectRow.current(index, range)} />
    ),
    [selection, nameOf, idOf],
  );
  // No sort field, so it fits a grid of any sort fields.
  const column: GridColumn<Item, never> = {
    id: 'select',
    label: `Select all loaded ${noun}`,
    pinned: true,
    header: <SelectPageCell label={`Select all loaded ${noun}`} state={page} onToggle={() => update((current) => togglePage(current, loadedIds))} />,
    width: '28px',
    cell,
  };
  const total = snapshot.total ?? 0;
  return {
    selection,
    count: selectedCount(selection, total),
    total,
    allMatching: selection.mode === 'matching',
    column,
    onSelectRow,
    isRowSelected: (index: number) => {
      const id = idAt(index);
      return id !== undefined && isSelected(selection, id);
    },
    selectAllMatching: () => setState({ request, selection: selectAllMatching() }),
    clear: () => setState({ request, selection: noSelection }),
    toBulkSelection: () => toBulkSelection(selection),
  };
}

/** What a bulk bar and its actions read of a selection, whatever the list. */
export type RowSelecting = Omit<ReturnType<typeof useRowSelection>, 'column' | 'onSelectRow' | 'isRowSelected'>;

