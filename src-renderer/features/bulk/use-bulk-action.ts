import { useEffect, useRef, useState } from 'react';
import type { BulkActionStatus } from '../../../src-shared/domain/bulk';
import type { ChannelInput } from '../../../src-shared/ipc/contract';
import { api } from '../../api';
import { useUi } from '../../store';
import { offerUndo } from '../../ui/undoable';

export type BulkStart = ChannelInput<'bulk.start'>;

const finished = (status: BulkActionStatus) => status.state !== 'running' && status.state !== 'undoing';

/** Resolves with the final status of a bulk action (or its undo), following bulk.progress; `onProgress` sees every step. */
export function followBulkAction(first: BulkActionStatus, onProgress: (status: BulkActionStatus) => void = () => {}): Promise<BulkActionStatus> {
  if (finished(first)) return Promise.resolve(first);
  return new Promise((resolve) => {
    const stop = api.on('bulk.progress', (status) => {
      if (status.id !== first.id) return;
      onProgress(status);
      if (finished(status)) {
        stop();
        resolve(status);
      }
    });
    // It may have finished between the answer and the subscription.
    void api.invoke('bulk.status', { id: first.id }).then((status) => {
      if (!finished(status)) return;
      stop();
      resolve(status);
    });
  });
}

/** Takes a bulk action back, in batches like the action itself. */
async function undoBulkAction(id: string): Promise<void> {
  const status = await followBulkAction(await api.invoke('bulk.undo', { id }));
  if (status.state === 'failed') throw new Error(status.error?.message ?? 'The undo failed.');
}

/**
 * Runs bulk actions for a bulk bar: the running one's progress (for its bar and Cancel), and when
 * it ends a toast saying what was done with Undo, which is also on the undo stack (Ctrl+Z).
 */
export function useBulkAction(onFinished: () => void) {
  const [running, setRunning] = useState<BulkActionStatus | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = async (request: BulkStart): Promise<boolean> => {
    const { showError, pushToast } = useUi.getState();
    let status: BulkActionStatus;
    try {
      status = await api.invoke('bulk.start', request);
    } catch (error) {
      showError(error);
      return false;
    }
    if (!finished(status)) setRunning(status);
    const end = await followBulkAction(status, (step) => mounted.current && setRunning(step));
    if (mounted.current) setRunning(null);
    onFinished();
    if (end.state === 'failed') {
      pushToast({ message: `${end.label}, then it stopped: ${end.error?.message ?? 'something went wrong'}` });
    }
    if (end.changed === 0 && end.state === 'done') {
      pushToast({ message: 'Nothing to change: the selected rows were already like that.' });
      return true;
    }
    const message = end.state === 'cancelled' ? `Cancelled: ${end.label.charAt(0).toLowerCase()}${end.label.slice(1)} before it stopped` : end.label;
    offerUndo({ message, undo: () => undoBulkAction(end.id), undoneMessage: `Undone: ${end.label}` });
    return true;
  };

  const cancel = () => {
    if (running) void api.invoke('bulk.cancel', { id: running.id }).catch((error: unknown) => useUi.getState().showError(error));
  };

  return { running, run, cancel };
}
