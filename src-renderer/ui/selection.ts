import type { BulkSelection } from '../../src-shared/domain/bulk';

// Which rows of a list are selected, as a value: some ids, or every row the list's request
// matches (loaded or not) except some ids. The core resolves "matching" with the list's own query
// (src-main/bulk/selection.ts), so 20,000 rows never travel to the screen to be selected.
// `anchor` is the row a shift-click extends a range from.

export type RowSelection =
  | { mode: 'ids'; ids: ReadonlySet<string>; anchor: number | null }
  | { mode: 'matching'; except: ReadonlySet<string>; anchor: number | null };

export const noSelection: RowSelection = { mode: 'ids', ids: new Set(), anchor: null };

export function isSelected(selection: RowSelection, id: string): boolean {
  return selection.mode === 'ids' ? selection.ids.has(id) : !selection.except.has(id);
}

/** How many rows are selected, of a list of `total`. */
export function selectedCount(selection: RowSelection, total: number): number {
  return selection.mode === 'ids' ? selection.ids.size : Math.max(0, total - selection.except.size);
}

/** Sets each of these rows to selected or not, leaving the others as they are. */
export function setRows(selection: RowSelection, ids: readonly string[], selected: boolean, anchor = selection.anchor): RowSelection {
  // In "ids" mode the set holds the selected rows; in "matching" mode it holds the exceptions.
  const holds = selection.mode === 'ids' ? selected : !selected;
  const next = new Set(selection.mode === 'ids' ? selection.ids : selection.except);
  for (const id of ids) {
    if (holds) next.add(id);
    else next.delete(id);
  }
  return selection.mode === 'ids' ? { mode: 'ids', ids: next, anchor } : { mode: 'matching', except: next, anchor };
}

/** A click on a row's checkbox (or Space on the row): that row flips, and becomes the anchor. */
export function toggleRow(selection: RowSelection, id: string, index: number): RowSelection {
  return setRows(selection, [id], !isSelected(selection, id), index);
}

/**
 * A shift-click: every row from the anchor to this one takes the state the clicked row gets.
 * `idAt` answers the id of a row by index (undefined for a row not loaded, which is skipped).
 */
export function extendTo(selection: RowSelection, index: number, idAt: (index: number) => string | undefined): RowSelection {
  const clicked = idAt(index);
  if (clicked === undefined) return selection;
  if (selection.anchor === null) return toggleRow(selection, clicked, index);
  const selected = !isSelected(selection, clicked);
  const [from, to] = selection.anchor <= index ? [selection.anchor, index] : [index, selection.anchor];
  const ids: string[] = [];
  for (let at = from; at <= to; at++) {
    const id = idAt(at);
    if (id !== undefined) ids.push(id);
  }
  return setRows(selection, ids, selected, index);
}

/** Every row the list matches, including those not loaded. */
export function selectAllMatching(): RowSelection {
  return { mode: 'matching', except: new Set(), anchor: null };
}

/** The header checkbox's state over the rows on screen. */
export function pageState(selection: RowSelection, loadedIds: readonly string[]): 'all' | 'some' | 'none' {
  const selected = loadedIds.filter((id) => isSelected(selection, id)).length;
  if (selected === 0) return 'none';
  return selected === loadedIds.length ? 'all' : 'some';
}

/** The header checkbox: selects the loaded rows, or clears them when all of them are selected. */
export function togglePage(selection: RowSelection, loadedIds: readonly string[]): RowSelection {
  return setRows(selection, loadedIds, pageState(selection, loadedIds) !== 'all');
}

/** What bulk.start is given. */
export function toBulkSelection(selection: RowSelection): BulkSelection {
  return selection.mode === 'ids' ? { mode: 'ids', ids: [...selection.ids] } : { mode: 'matching', except: [...selection.except] };
}
