import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { ContactListItem } from '../../../src-shared/domain/contact';
import { useUi } from '../../store';
import { useNow } from '../../ui/use-now';
import { columns } from './columns';
import type { ContactPages, ListSnapshot } from './contact-pages';
import { ContactListHeader } from './ContactListHeader';
import { ContactRow } from './ContactRow';

// Row and header heights are fixed in styles.css (.contact-row, .contact-grid__head); the
// virtualiser needs the same numbers.
const rowHeight = 56;
const headerHeight = 40;
const pageJump = 10;
const overscan = 8;

export interface ContactListHandle {
  focusActiveRow(): void;
}

interface ContactListProps {
  pages: ContactPages;
  snapshot: ListSnapshot;
  handleRef?: Ref<ContactListHandle>;
  /** Arrow up from the first row leaves the grid, back to the search box. */
  onExitTop: () => void;
}

/**
 * The virtualised contact grid. One row is in the tab order (roving tabindex); the arrow keys,
 * Page Up/Down, Home and End move through rows, Enter opens one. Pages load as rows come into view.
 */
export function ContactList({ pages, snapshot, handleRef, onExitTop }: ContactListProps) {
  const navigate = useUi((state) => state.navigate);
  const activeRow = useUi((state) => state.activeRow);
  const setActiveRow = useUi((state) => state.setActiveRow);
  const rememberListScroll = useUi((state) => state.rememberListScroll);
  const [initialOffset] = useState(() => useUi.getState().listScrollOffset);
  const now = useNow();
  const gridRef = useRef<HTMLDivElement>(null);
  /** A row the keyboard moved to that was not rendered yet; focused once it is. */
  const focusPending = useRef<number | null>(null);
  const count = snapshot.total ?? 0;
  const active = Math.max(0, Math.min(activeRow, count - 1));

  // The virtualiser's methods change identity as it measures; it stays inside this component and
  // nothing memoises over it, so the compiler's warning does not apply here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => gridRef.current,
    estimateSize: () => rowHeight,
    overscan,
    scrollMargin: headerHeight,
    initialOffset,
    // The active row stays rendered while scrolled out of view, so focus is never dropped
    // onto the page when the wheel moves the list away from it.
    rangeExtractor: (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return indexes.includes(active) || active >= range.count ? indexes : [...indexes, active].sort((a, b) => a - b);
    },
  });
  const virtualRows = virtualizer.getVirtualItems();
  // The visible range, not the rendered rows: those also hold the active row, which may be far away.
  const firstVisible = Math.max(0, (virtualizer.range?.startIndex ?? 0) - overscan);
  const lastVisible = (virtualizer.range?.endIndex ?? 0) + overscan;

  useEffect(() => {
    pages.ensureRows(firstVisible, lastVisible);
  }, [pages, firstVisible, lastVisible, snapshot]);

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
    virtualizer.scrollToIndex(target, { align: 'auto' });
    const row = renderedRow(target);
    if (row) row.focus({ preventScroll: true });
    else focusPending.current = target;
  };

  useImperativeHandle(handleRef, () => ({ focusActiveRow: () => moveTo(active) }));

  const open = (item: ContactListItem) => navigate({ name: 'contact', id: item.id });

  const onRowKeyDown = (event: KeyboardEvent<HTMLDivElement>, focusedIndex: number) => {
    // While a move waits for its row to render, focus is still on the previous row: count from
    // where the user is heading, not from where focus happens to be.
    const index = focusPending.current ?? focusedIndex;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(index + 1),
      ArrowUp: () => (index === 0 ? onExitTop() : moveTo(index - 1)),
      PageDown: () => moveTo(index + pageJump),
      PageUp: () => moveTo(index - pageJump),
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
      Enter: () => {
        const item = pages.itemAt(snapshot, index);
        if (item) open(item);
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <div
      ref={gridRef}
      role="grid"
      aria-label="Contacts"
      aria-rowcount={count + 1}
      aria-colcount={columns.length}
      aria-busy={snapshot.stale || undefined}
      className="contact-grid"
      onScroll={(event) => rememberListScroll(event.currentTarget.scrollTop)}
    >
      <ContactListHeader />
      <div role="rowgroup" className="contact-grid__body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualRows.map((virtualRow) => (
          <ContactRow
            key={virtualRow.index}
            index={virtualRow.index}
            item={pages.itemAt(snapshot, virtualRow.index)}
            active={virtualRow.index === active}
            now={now}
            style={{ transform: `translateY(${virtualRow.start - headerHeight}px)` }}
            onOpen={open}
            onActivate={setActiveRow}
            onKeyDown={onRowKeyDown}
          />
        ))}
      </div>
    </div>
  );
}
