import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Call } from '../../../src-shared/domain/call';
import type { PagedSnapshot } from '../../ui/paged-rows';
import { Icon } from '../../ui/Icon';
import { useNow } from '../../ui/use-now';
import type { CallPages, CallRequest, CallSortField } from './call-pages';
import { CallRow } from './CallRow';

// Fixed in styles (.call-row, .call-grid__head); the virtualiser needs the same numbers.
const rowHeight = 52;
const headerHeight = 40;
const overscan = 8;

const columns: readonly { id: string; label: string; sortField?: CallSortField }[] = [
  { id: 'when', label: 'When', sortField: 'startedAt' },
  { id: 'direction', label: 'Call' },
  { id: 'number', label: 'Number' },
  { id: 'contact', label: 'Contact' },
  { id: 'duration', label: 'Duration', sortField: 'durationSeconds' },
  { id: 'outcome', label: 'Outcome', sortField: 'disposition' },
  { id: 'notes', label: 'Notes' },
  { id: 'by', label: 'Logged by' },
];

interface CallGridProps {
  pages: CallPages;
  snapshot: PagedSnapshot<Call>;
  sort: CallRequest['sort'];
  onSort: (field: CallSortField) => void;
  onOpen: (call: Call) => void;
}

/** The call history grid: virtualised rows, one in the tab order, arrow keys move, Enter opens. */
export function CallGrid({ pages, snapshot, sort, onSort, onOpen }: CallGridProps) {
  const gridRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const now = useNow();
  const count = snapshot.total ?? 0;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser stays inside this component
  const virtualizer = useVirtualizer({ count, getScrollElement: () => gridRef.current, estimateSize: () => rowHeight, overscan, scrollMargin: headerHeight });
  const firstVisible = Math.max(0, (virtualizer.range?.startIndex ?? 0) - overscan);
  const lastVisible = (virtualizer.range?.endIndex ?? 0) + overscan;

  useEffect(() => {
    pages.ensureRows(firstVisible, lastVisible);
  }, [pages, firstVisible, lastVisible, snapshot]);

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(index, count - 1));
    setActive(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    window.requestAnimationFrame(() => gridRef.current?.querySelector<HTMLElement>(`[data-row="${target}"]`)?.focus({ preventScroll: true }));
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(index + 1),
      ArrowUp: () => moveTo(index - 1),
      PageDown: () => moveTo(index + 10),
      PageUp: () => moveTo(index - 10),
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
      Enter: () => {
        const call = pages.itemAt(snapshot, index);
        if (call) onOpen(call);
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <div ref={gridRef} role="grid" aria-label="Call history" aria-rowcount={count + 1} aria-colcount={columns.length} aria-busy={snapshot.stale || undefined} className="call-grid">
      <div role="rowgroup" className="call-grid__head">
        <div role="row" aria-rowindex={1} className="call-row call-row--head">
          {columns.map((column) => {
            const sorted = column.sortField !== undefined && sort.field === column.sortField;
            return (
              <div key={column.id} role="columnheader" aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined} className={`call-col-${column.id}`}>
                {column.sortField ? (
                  <button type="button" className={sorted ? 'sort-button sort-button--active' : 'sort-button'} onClick={() => column.sortField && onSort(column.sortField)}>
                    {column.label}
                    <Icon name={sorted && sort.direction === 'desc' ? 'arrowDown' : 'arrowUp'} size={14} />
                  </button>
                ) : (
                  <span className="column-label">{column.label}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="call-grid__body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <CallRow
            key={row.index}
            index={row.index}
            call={pages.itemAt(snapshot, row.index)}
            active={row.index === Math.min(active, count - 1)}
            now={now}
            style={{ transform: `translateY(${row.start - headerHeight}px)` }}
            onOpen={onOpen}
            onActivate={setActive}
            onKeyDown={onRowKeyDown}
          />
        ))}
      </div>
    </div>
  );
}
