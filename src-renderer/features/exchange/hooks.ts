import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../src-shared/domain/exchange';
import { api } from '../../api';
import { useLiveData } from '../../ui/use-live-data';

// Data hooks of the Import & export screen. Jobs (import, export, backup) are followed through
// exchange.progress / exchange.finished and read back with exchange.jobStatus; a slow poll
// covers events missed while the event stream reconnects.

export type DownloadKind = 'exports' | 'backups';

/**
 * Where the browser host serves a file the core wrote (src-main/host/download-route.ts). Only a
 * name the core answered goes here; the renderer never says where to write.
 */
export function downloadHref(kind: DownloadKind, fileName: string): string {
  return `/downloads/${kind}/${encodeURIComponent(fileName)}`;
}

/** Saves text made in the renderer (the rejected rows of an import) as a file. */
export function saveTextAsFile(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium reads the blob when the click is handled; give it a moment before letting go.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface JobView {
  status: JobStatus | null;
  /** The job could not be read (the core restarted, or the stream broke and the poll failed). */
  lost: boolean;
}

const pollMs = 1000;
const noJob: JobView = { status: null, lost: false };

/**
 * Follows one job from its id to its outcome; `null` follows nothing. `onSettled` is called once
 * with the final status (done, failed or cancelled).
 */
export function useJob(jobId: string | null, onSettled?: (status: JobStatus) => void): JobView {
  const [view, setView] = useState<JobView & { jobId: string | null }>({ ...noJob, jobId: null });
  const settledRef = useRef(onSettled);
  useEffect(() => {
    settledRef.current = onSettled;
  });

  useEffect(() => {
    if (!jobId) return;
    let live = true;
    let finished = false;
    const read = () =>
      api.invoke('exchange.jobStatus', { jobId }).then(
        (status) => {
          if (!live || finished) return;
          finished = status.state !== 'running';
          setView({ jobId, status, lost: false });
          if (finished) settledRef.current?.(status);
        },
        () => {
          if (live) setView((current) => ({ ...current, jobId, lost: true }));
        },
      );
    const stopProgress = api.on('exchange.progress', (payload) => {
      // A reconnecting event stream sends every listener `{ ids: [] }`: only our job's progress counts.
      if (!live || finished || payload.jobId !== jobId) return;
      setView((current) =>
        current.jobId === jobId && current.status ? { ...current, status: { ...current.status, ...payload } } : current,
      );
    });
    const stopFinished = api.on('exchange.finished', (payload) => {
      if (payload.jobId === jobId) void read();
    });
    void read();
    const timer = window.setInterval(() => {
      if (!finished) void read();
    }, pollMs);
    return () => {
      live = false;
      stopProgress();
      stopFinished();
      window.clearInterval(timer);
    };
  }, [jobId]);

  return view.jobId === jobId && jobId !== null ? { status: view.status, lost: view.lost } : noJob;
}

/** The backups in the backup folder, newest first; reloads after `reloadKey` changes. */
export function useBackups(reloadKey: number) {
  return useLiveData(`backups:${reloadKey}`, () => api.invoke('exchange.listBackups', {}), { reportErrors: false });
}

/** Past imports, newest first; reloads after `reloadKey` changes. */
export function useImportHistory(reloadKey: number) {
  return useLiveData(`imports:${reloadKey}`, () => api.invoke('exchange.listImports', {}), { reportErrors: false });
}

/** A job started by a button: its id, the error of starting it, and a way to start again. */
export function useStartJob<A>(start: (args: A) => Promise<{ jobId: string }>) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const run = useCallback(
    async (args: A) => {
      setStarting(true);
      setStartError(null);
      setJobId(null);
      try {
        setJobId((await start(args)).jobId);
      } catch (error) {
        setStartError(error);
      } finally {
        setStarting(false);
      }
    },
    [start],
  );
  const reset = useCallback(() => {
    setJobId(null);
    setStartError(null);
  }, []);
  return { jobId, startError, starting, run, reset };
}
