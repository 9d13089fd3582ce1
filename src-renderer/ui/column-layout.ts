import { maxColumnWidth, minColumnWidth, type ColumnLayout } from '../../src-shared/domain/saved-view';

// The pure half of a grid's column layout (which columns, in what order, how wide): the grid
// draws what `arrangeColumns` gives, the column chooser and the resize handles make a new layout
// with the functions below. The layout value itself is src-shared/domain/saved-view.ts.

/** What the layout functions need of a column. */
export interface LayoutColumn {
  id: string;
  label: string;
  /** Its own CSS grid track, used until the user gives it a width. */
  width: string;
}

/** Every column in the layout's order: the ordered ones first, the rest in the list's own order. */
export function orderedColumns<Column extends LayoutColumn>(columns: readonly Column[], layout: ColumnLayout): Column[] {
  const byId = new Map(columns.map((column) => [column.id, column]));
  const first = [...new Set(layout.order)].flatMap((id) => byId.get(id) ?? []);
  const placed = new Set(first.map((column) => column.id));
  return [...first, ...columns.filter((column) => !placed.has(column.id))];
}

/** The columns to draw, in order, each with its track; never none (a layout hiding all shows the first). */
export function arrangeColumns<Column extends LayoutColumn>(columns: readonly Column[], layout: ColumnLayout): { column: Column; track: string }[] {
  const hidden = new Set(layout.hidden);
  const ordered = orderedColumns(columns, layout);
  const shown = ordered.filter((column) => !hidden.has(column.id));
  const drawn = shown.length > 0 ? shown : ordered.slice(0, 1);
  return drawn.map((column) => {
    const width = layout.widths[column.id];
    return { column, track: width === undefined ? column.width : `${width}px` };
  });
}

export function isHidden(layout: ColumnLayout, id: string): boolean {
  return layout.hidden.includes(id);
}

/** Shows or hides a column; the last one shown cannot be hidden. */
export function setColumnShown(columns: readonly LayoutColumn[], layout: ColumnLayout, id: string, shown: boolean): ColumnLayout {
  if (shown) return { ...layout, hidden: layout.hidden.filter((hiddenId) => hiddenId !== id) };
  const visible = columns.filter((column) => !layout.hidden.includes(column.id) && column.id !== id);
  if (visible.length === 0) return layout;
  return { ...layout, hidden: [...new Set([...layout.hidden, id])] };
}

/** Moves a column `by` places (−1 earlier, +1 later) among all the columns; at an end it stays. */
export function moveColumn(columns: readonly LayoutColumn[], layout: ColumnLayout, id: string, by: number): ColumnLayout {
  const order = orderedColumns(columns, layout).map((column) => column.id);
  const from = order.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= order.length) return layout;
  order.splice(from, 1);
  order.splice(to, 0, id);
  return { ...layout, order };
}

export function clampWidth(width: number): number {
  return Math.round(Math.max(minColumnWidth, Math.min(maxColumnWidth, width)));
}

export function setColumnWidth(layout: ColumnLayout, id: string, width: number): ColumnLayout {
  return { ...layout, widths: { ...layout.widths, [id]: clampWidth(width) } };
}

/** Back to the column's own track. */
export function clearColumnWidth(layout: ColumnLayout, id: string): ColumnLayout {
  const widths = { ...layout.widths };
  delete widths[id];
  return { ...layout, widths };
}
