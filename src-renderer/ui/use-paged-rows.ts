import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useUi } from '../store';
import { eventNamesKey, subscribeLive, type LiveEvent } from './live-events';
import { PagedRows, type FetchPage, type PagedSnapshot } from './paged-rows';

export interface PagedRowsOptions {
  /** The events after which the rows on screen are fetched again. */
  reloadOn: readonly LiveEvent[];
  pageSize?: number;
}

/**
 * The rows of a long list for a VirtualGrid, a page at a time: `request` is what the user asked
 * for (search, filters, sort); a new request starts over, a matching event reloads what is shown.
 *
 *   const { rows, snapshot } = usePagedRows(fetchCalls, request, { reloadOn: [activityChanged(['calls'])] });
 */
export function usePagedRows<Item, Request>(
  fetchPage: FetchPage<Item, Request>,
  request: Request,
  options: PagedRowsOptions,
): { rows: PagedRows<Item, Request>; snapshot: PagedSnapshot<Item, Request> } {
  const showError = useUi((state) => state.showError);
  const [rows] = useState(() => new PagedRows(fetchPage, showError, options.pageSize));
  const snapshot = useSyncExternalStore(rows.subscribe, rows.getSnapshot);
  const reloadOn = useRef(options.reloadOn);
  useEffect(() => {
    reloadOn.current = options.reloadOn;
  });
  const eventsKey = eventNamesKey(options.reloadOn);
  useEffect(() => rows.setRequest(request), [rows, request]);
  useEffect(() => subscribeLive(() => reloadOn.current, () => rows.refresh()), [rows, eventsKey]);
  return { rows, snapshot };
}
