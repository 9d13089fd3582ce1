import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, useSyncExternalStore, type CSSProperties, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import type { ColumnLayout } from '../../src-shared/domain/saved-view';
import { cx } from './class-names';
import { GridHeaderCell } from './GridHeaderCell';
import { cellClass, GridRow, type GridRowEvents } from './GridRow';
import type { PagedRows, PagedSnapshot } from './paged-rows';
import { useFixedRows } from './use-fixed-rows';
import { useElementWidth } from './use-element-width';
import { useGridLayout } from './use-grid-layout';
import './VirtualGrid.css';

export interface GridColumn<Item, SortField extends string = string> {
  id: string;
  label: string;
  /** Its track in the CSS grid: '160px', 'minmax(200px, 2fr)'. */
  width: string;
  /** Sorting by this column: the header becomes a button and says how it is sorted. */
  sortField?: SortField;
  align?: 'end';
  /** Grey text for what supports the row (owner, notes). */
  muted?: boolean;
  /** Figures: aligned digits. */
  numeric?: boolean;
  /** Give way below this grid width (px): the least important columns go first on narrow windows. */
  hideBelow?: number;
  /** Drawn in the header instead of the label (a select-all checkbox); the label stays its name. */
  header?: ReactNode;
  /** Stays first whatever the user's layout (the selection checkboxes): never hidden, moved or resized. */
  pinned?: boolean;
  cell: (item: Item, index: number) => ReactNode;
}

export interface GridSort<SortField extends string> {
  field: SortField;
  direction: 'asc' | 'desc';
}

export interface VirtualGridHandle {
  /** Moves focus to the active row (from a search box, say). */
  focusActiveRow(): void;
}

export interface VirtualGridProps<Item, Request, SortField extends string> {
  /** The grid's accessible name. */
  label: string;
  columns: readonly GridColumn<Item, SortField>[];
  /** From usePagedRows. */
  rows: PagedRows<Item, Request>;
  snapshot: PagedSnapshot<Item>;
  /** Fixed, in px: rows are positioned, not measured. The compact density takes 16 px off. */
  rowHeight: number;
  /** The user's columns (order, hidden, widths) and density; the columns as declared when absent. */
  layout?: ColumnLayout;
  /** Makes the header edges resizable (drag, or the arrow keys on a focused edge). */
  onLayoutChange?: (layout: ColumnLayout) => void;
  sort?: GridSort<SortField>;
  onSort?: (field: SortField) => void;
  /** A click on a row, or Enter. */
  onOpen: (item: Item) => void;
  /** The active row, for a list that remembers it; kept inside when absent. */
  activeRow?: number;
  onActiveRowChange?: (index: number) => void;
  /** Where to start scrolled, and where the user scrolled, for a list that remembers it. */
  initialScrollOffset?: number;
  onScrollOffsetChange?: (offset: number) => void;
  /** Arrow up from the first row leaves the grid: back to the search box above it. */
  onExitTop?: () => void;
  handleRef?: Ref<VirtualGridHandle>;
  /** Space on a row (shift: a range): selects it (use-row-selection.tsx). */
  onSelectRow?: (index: number, range: boolean) => void;
  isRowSelected?: (index: number) => boolean;
}

const headerHeight = 40;
/** The gap between columns (VirtualGrid.css, --space-md). */
const columnGap = 12;
const pageJump = 10;
// Rows drawn beyond the visible ones, each side. Every row drawn is rendered, laid out and painted
// again when a search answer replaces the rows, so this is kept to what a wheel scroll needs.
const overscan = 3;
/** How long an answer may take before the rows shown are dimmed as out of date. */
const dimAfterMs = 150;
const compactSaving = 16;

/** Whether `busy` has been true for `ms` without a break: a new wait starts counting again. */
function useLate(busy: boolean, ms: number): boolean {
  const [late, setLate] = useState(false);
  const [wasBusy, setWasBusy] = useState(busy);
  if (busy !== wasBusy) {
    setWasBusy(busy);
    setLate(false);
  }
  useEffect(() => {
    if (!busy) return;
    const timer = window.setTimeout(() => setLate(true), ms);
    return () => window.clearTimeout(timer);
  }, [busy, ms]);
  return busy && late;
}

/**
 * A long list as an ARIA grid, drawn a screen at a time and fetched a page at a time (usePagedRows).
 * One row is in the tab order (roving tabindex): the arrow keys, Page Up/Down, Home and End move,
 * Enter opens. Sortable columns have a button in their header and aria-sort.
 *   const { rows, snapshot } = usePagedRows(fetchCalls, request, { reloadOn: [activityChanged(['calls'])] });
 *   <VirtualGrid label="Call history" columns={callColumns} rows={rows} snapshot={snapshot} rowHeight={52} onOpen={open} />
 */
export function VirtualGrid<Item, Request, SortField extends string>(props: VirtualGridProps<Item, Request, SortField>) {
  const { label, rows, snapshot, sort, onSort, onOpen, onExitTop } = props;
  const [ownActiveRow, setOwnActiveRow] = useState(0);
  const setActiveRow = props.onActiveRowChange ?? setOwnActiveRow;
  const [initialOffset] = useState(props.initialScrollOffset ?? 0);
  const { ref: gridRef, width } = useElementWidth<HTMLDivElement>(1280);
  /** A row the keyboard moved to that was not rendered yet; focused once it is. */
  const focusPending = useRef<number | null>(null);
  const count = snapshot.total ?? 0;
  // Dimmed from JavaScript once the answer is late, not by a delayed CSS transition on aria-busy:
  // the transition, started and cancelled at every keystroke, cost the page a compositing layer
  // and a repaint of the rows each time.
  // Its own subscription: a keystroke's request makes the rows stale and re-renders this grid's
  // frame, not the screen around it nor its rows (GridRow is memoised).
  const stale = useSyncExternalStore(rows.subscribe, rows.isStale);
  const dimmed = useLate(stale, dimAfterMs);
  const active = Math.max(0, Math.min(props.activeRow ?? ownActiveRow, count - 1));
  const pinned = props.columns.filter((column) => column.pinned);
  // The pinned columns take their room first: the others give way (hideBelow) in what is left.
  const pinnedRoom = pinned.reduce((room, column) => room + (Number.parseFloat(column.width) || 0) + columnGap, 0);
  const layout = useGridLayout(
    props.columns.filter((column) => !column.pinned),
    props.layout,
    props.onLayoutChange,
    width - pinnedRoom,
  );
  const { density, resize } = layout;
  const columns = [...pinned, ...layout.columns];
  const template = [...pinned.map((column) => column.width), layout.template].join(' ');
  const rowHeight = density === 'compact' ? props.rowHeight - compactSaving : props.rowHeight;

  const { range, totalHeight, scrollToIndex } = useFixedRows(gridRef, { count, rowHeight, offsetTop: headerHeight, initialOffset });
  // The visible range, not the rendered rows: those also hold the active row, which may be far away.
  const firstVisible = Math.max(0, (range?.first ?? 0) - overscan);
  const lastVisible = (range?.last ?? 0) + overscan;
  const rendered: number[] = [];
  if (range) {
    for (let index = firstVisible; index <= Math.min(lastVisible, count - 1); index++) rendered.push(index);
    // The active row stays rendered while scrolled out of view, so focus is never dropped onto
    // the page when the wheel moves the list away from it.
    if (active < firstVisible) rendered.unshift(active);
    else if (active > lastVisible && active < count) rendered.push(active);
  }

  useEffect(() => {
    rows.ensureRows(firstVisible, lastVisible);
  }, [rows, firstVisible, lastVisible, snapshot]);

  const renderedRow = (index: number) => gridRef.current?.querySelector<HTMLElement>(`[data-row="${index}"]`);

  useEffect(() => {
    if (focusPending.current === null) return;
    const row = renderedRow(focusPending.current);
    if (row) {
      focusPending.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(index, count - 1));
    setActiveRow(target);
    scrollToIndex(target);
    const row = renderedRow(target);
    if (row) row.focus({ preventScroll: true });
    else focusPending.current = target;
  };

  useImperativeHandle(props.handleRef, () => ({ focusActiveRow: () => moveTo(active) }));

  const onRowKeyDown = (event: KeyboardEvent<HTMLDivElement>, focusedIndex: number) => {
    // While a move waits for its row to render, focus is still on the previous row: count from
    // where the user is heading, not from where focus happens to be.
    const index = focusPending.current ?? focusedIndex;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(index + 1),
      ArrowUp: () => (index === 0 && onExitTop ? onExitTop() : moveTo(index - 1)),
      PageDown: () => moveTo(index + pageJump),
      PageUp: () => moveTo(index - pageJump),
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
      ...(props.onSelectRow ? { ' ': () => props.onSelectRow?.(index, event.shiftKey) } : {}),
      Enter: () => {
        const item = rows.itemAt(snapshot, index);
        if (item) onOpen(item);
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  // The rows call the latest handlers through one object that never changes, so a memoised row
  // is not drawn again because a parent's render made new closures.
  const latestEvents = useRef<GridRowEvents<Item>>({ focus: () => undefined, keyDown: () => undefined, open: () => undefined });
  useLayoutEffect(() => {
    latestEvents.current = { focus: (index) => setActiveRow(index), keyDown: onRowKeyDown, open: onOpen };
  });
  const [rowEvents] = useState<GridRowEvents<Item>>(() => ({
    focus: (index) => latestEvents.current.focus(index),
    keyDown: (event, index) => latestEvents.current.keyDown(event, index),
    open: (item) => latestEvents.current.open(item),
  }));

  return (
    <div
      ref={gridRef}
      role="grid"
      aria-label={label}
      aria-rowcount={count + 1}
      aria-colcount={columns.length}
      aria-busy={stale || undefined}
      className={cx('grid', density === 'compact' && 'grid--compact', dimmed && 'grid--dimmed')}
      style={{ '--grid-columns': template } as CSSProperties}
      onScroll={(event) => props.onScrollOffsetChange?.(event.currentTarget.scrollTop)}
    >
      <div role="rowgroup" className="grid__head">
        <div role="row" aria-rowindex={1} className="grid__row grid__row--head caps-label">
          {columns.map((column) => {
            const sorted = sort !== undefined && column.sortField !== undefined && sort.field === column.sortField;
            const sortField = column.sortField;
            return (
              <GridHeaderCell
                key={column.id}
                label={column.label}
                className={cellClass(column)}
                sorted={sorted ? sort.direction : null}
                onSort={sortField !== undefined && onSort ? () => onSort(sortField) : undefined}
                end={column.align === 'end'}
                resize={column.header === undefined ? resize && { drag: (next) => resize.drag(column.id, next), commit: (next) => resize.commit(column.id, next) } : undefined}
              >
                {column.header}
              </GridHeaderCell>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="grid__body" style={{ height: totalHeight }}>
        {rendered.map((index) => (
          <GridRow
            key={index}
            index={index}
            item={rows.itemAt(snapshot, index)}
            columns={columns}
            height={rowHeight}
            top={index * rowHeight}
            tabbable={index === active}
            selected={props.isRowSelected ? props.isRowSelected(index) : undefined}
            events={rowEvents}
          />
        ))}
      </div>
    </div>
  );
}
