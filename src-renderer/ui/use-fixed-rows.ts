import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** The rows in view, first and last inclusive. */
export interface RowRange {
  first: number;
  last: number;
}

/**
 * Which of `count` rows of `rowHeight` px, starting `offsetTop` px into the scroller, are in a
 * viewport of `viewport` px scrolled to `scrollTop`: the row under the top edge down to the one
 * under the bottom edge (only the top one when the viewport is not measured yet). Null when empty.
 */
export function visibleRows(scrollTop: number, viewport: number, count: number, rowHeight: number, offsetTop: number): RowRange | null {
  if (count <= 0 || rowHeight <= 0) return null;
  const clamp = (index: number) => Math.max(0, Math.min(count - 1, index));
  const first = clamp(Math.floor((scrollTop - offsetTop) / rowHeight));
  const last = clamp(Math.ceil((scrollTop + viewport - offsetTop) / rowHeight) - 1);
  return { first, last: Math.max(first, last) };
}

export interface FixedRowsOptions {
  count: number;
  rowHeight: number;
  /** What comes before the first row inside the scroller (the grid's header), px. */
  offsetTop: number;
  /** Where to start scrolled, px. */
  initialOffset: number;
}

/**
 * The rows in view of a scrolling list whose rows all have the same height, worked out from the
 * scroll offset alone. A virtualiser that measures rows (react-virtual) builds an entry for every
 * row before the first paint, ~150 ms for the 100,000 contacts; nothing here grows with the count.
 * The list renders again only when the range changes, not at every scrolled pixel.
 *   const { range, totalHeight, scrollToIndex } = useFixedRows(gridRef, { count, rowHeight: 56, offsetTop: 40, initialOffset: 0 });
 */
export function useFixedRows(scroller: RefObject<HTMLElement | null>, options: FixedRowsOptions) {
  const { count, rowHeight, offsetTop } = options;
  const [view, setView] = useState({ scrollTop: options.initialOffset, viewport: 0 });
  const range = visibleRows(view.scrollTop, view.viewport, count, rowHeight, offsetTop);

  // The scroll and resize handlers compare against what was last rendered, with the latest sizes.
  const latest = useRef({ count, rowHeight, offsetTop, range });
  useLayoutEffect(() => {
    latest.current = { count, rowHeight, offsetTop, range };
  });

  /** Takes the scroller's offset and height; renders again (now, when `sync`) if other rows are in view. */
  const [follow] = useState(() => (element: HTMLElement, sync: boolean) => {
    const { count, rowHeight, offsetTop, range } = latest.current;
    const next = { scrollTop: element.scrollTop, viewport: element.clientHeight };
    const nextRange = visibleRows(next.scrollTop, next.viewport, count, rowHeight, offsetTop);
    if (nextRange?.first === range?.first && nextRange?.last === range?.last) return;
    // While scrolling, the rows coming into view are drawn in the same frame, not one behind.
    if (sync) flushSync(() => setView(next));
    else setView(next);
  });

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    // Restores where the list was left; the body's height is in the DOM already.
    if (options.initialOffset > 0) element.scrollTo({ top: options.initialOffset });
    follow(element, false);
    const onScroll = () => follow(element, true);
    element.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(() => follow(element, false));
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
    // Once, for the element mounted: the initial offset is only where it starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scroller, follow]);

  /** Scrolls as little as brings the row fully into view (below the offset, above the bottom edge). */
  const scrollToIndex = (index: number) => {
    const element = scroller.current;
    if (!element) return;
    const top = offsetTop + index * rowHeight;
    const bottom = top + rowHeight;
    const viewport = element.clientHeight;
    if (bottom >= element.scrollTop + viewport) element.scrollTo({ top: Math.max(0, bottom - viewport) });
    else if (top <= element.scrollTop) element.scrollTo({ top });
    else return;
    // The row is drawn with the render that moves to it, not a frame later with the scroll event.
    follow(element, false);
  };

  return { range, totalHeight: Math.max(0, count) * rowHeight, scrollToIndex };
}
