import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditFilters, AuditRow } from '../../../src-shared/ipc/audit';
import { api } from '../../api';
import { useUi } from '../../store';
import { useLiveData } from '../../ui/use-live-data';

const pageSize = 200;

export interface AuditPages {
  rows: AuditRow[];
  /** Null until the first page for the current filters arrives. */
  loaded: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
}

/**
 * The audit trail a page at a time from the core's cursor, newest first: a million changes cost
 * one page of an index walk each time the person asks for older ones. New filters start over, and
 * an answer to older filters is dropped.
 */
export function useAuditPages(filters: AuditFilters): AuditPages {
  const showError = useUi((state) => state.showError);
  const key = JSON.stringify(filters);
  const [state, setState] = useState<{ key: string; rows: AuditRow[]; cursor: string | null; loaded: boolean; loadingMore: boolean }>({
    key,
    rows: [],
    cursor: null,
    loaded: false,
    loadingMore: false,
  });
  const currentKey = useRef(key);

  const load = useCallback(
    (forKey: string, cursor: string | null) => {
      const query = JSON.parse(forKey) as AuditFilters;
      api.invoke('audit.page', { ...query, limit: pageSize, ...(cursor ? { cursor } : {}) }).then(
        (page) => {
          if (currentKey.current !== forKey) return;
          setState((current) => ({
            key: forKey,
            rows: cursor && current.key === forKey ? [...current.rows, ...page.rows] : page.rows,
            cursor: page.nextCursor,
            loaded: true,
            loadingMore: false,
          }));
        },
        (error: unknown) => {
          if (currentKey.current !== forKey) return;
          setState((current) => ({ ...current, loaded: true, loadingMore: false }));
          showError(error);
        },
      );
    },
    [showError],
  );

  useEffect(() => {
    currentKey.current = key;
    load(key, null);
  }, [key, load]);

  const loadMore = useCallback(() => {
    if (!state.cursor || state.loadingMore) return;
    setState((current) => ({ ...current, loadingMore: true }));
    load(state.key, state.cursor);
  }, [load, state.cursor, state.key, state.loadingMore]);

  const fresh = state.key === key;
  return { rows: state.rows, loaded: fresh && state.loaded, hasMore: fresh && state.cursor !== null, loadingMore: state.loadingMore, loadMore };
}

export function useAuditCount(filters: AuditFilters) {
  return useLiveData(`audit:count:${JSON.stringify(filters)}`, () => api.invoke('audit.count', filters), { reportErrors: false });
}

export function useAuditMembers() {
  return useLiveData('audit:members', () => api.invoke('audit.members', {}), { reportErrors: false });
}
