import { useCallback, useRef, useState } from 'react';
import type { AuditFilters } from '../../../src-shared/ipc/audit';
import { api } from '../../api';
import { toDateInput } from '../../ui/dates';
import { saveTextAsFile } from '../exchange/hooks';

/** Rows a page of the export: large enough to be quick, small enough to show progress and stop between pages. */
const exportPage = 2000;

export type AuditExport =
  | { state: 'idle' }
  | { state: 'running'; done: number; total: number }
  | { state: 'done'; rows: number; fileName: string }
  | { state: 'cancelled'; done: number }
  | { state: 'failed'; error: unknown };

/**
 * The CSV of exactly what the filters show, read page after page from the core's cursor (the
 * header once), then saved as the app saves its other CSV files. Cancel stops between pages and
 * saves nothing.
 */
export function useAuditExport() {
  const [progress, setProgress] = useState<AuditExport>({ state: 'idle' });
  const cancelled = useRef(false);

  const start = useCallback(async (filters: AuditFilters) => {
    cancelled.current = false;
    setProgress({ state: 'running', done: 0, total: 0 });
    try {
      const { total } = await api.invoke('audit.count', filters);
      const parts: string[] = [];
      let cursor: string | null = null;
      let done = 0;
      do {
        if (cancelled.current) {
          setProgress({ state: 'cancelled', done });
          return;
        }
        const page: { csv: string; rows: number; nextCursor: string | null } = await api.invoke('audit.csv', {
          ...filters,
          limit: exportPage,
          header: parts.length === 0,
          ...(cursor ? { cursor } : {}),
        });
        parts.push(page.csv);
        done += page.rows;
        cursor = page.nextCursor;
        setProgress({ state: 'running', done, total: Math.max(total, done) });
      } while (cursor);
      const fileName = `audit-trail-${toDateInput(Date.now())}.csv`;
      saveTextAsFile(fileName, parts.join(''));
      setProgress({ state: 'done', rows: done, fileName });
    } catch (error) {
      setProgress({ state: 'failed', error });
    }
  }, []);

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);

  return { progress, start, cancel };
}
