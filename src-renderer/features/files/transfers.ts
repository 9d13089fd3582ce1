import { useEffect, useState } from 'react';
import type { FileTransfer } from '../../../src-shared/domain/file';
import { api } from '../../api';
import { formatBytes } from '../../ui/format';

// Files moving to or from the relay, kept current by the core's `files.transfer` event (progress
// arrives several times a second while bytes move; a transfer leaves the map once done).

export type TransferMap = ReadonlyMap<string, FileTransfer>;

export const transferKey = (direction: FileTransfer['direction'], sha256: string) => `${direction}:${sha256}`;

export function useFileTransfers(): TransferMap {
  const [transfers, setTransfers] = useState<TransferMap>(new Map());
  useEffect(() => {
    let live = true;
    const load = () =>
      api.invoke('files.transfers', {}).then(
        (list) => {
          if (live) setTransfers(new Map(list.map((transfer) => [transferKey(transfer.direction, transfer.sha256), transfer])));
        },
        // Progress only enriches the list; the files themselves are shown either way.
        () => undefined,
      );
    void load();
    const stopEvents = api.on('files.transfer', (transfer) => {
      setTransfers((current) => {
        const next = new Map(current);
        const key = transferKey(transfer.direction, transfer.sha256);
        if (transfer.state === 'done') next.delete(key);
        else next.set(key, transfer);
        return next;
      });
    });
    const stopResync = api.onResync(() => void load());
    return () => {
      live = false;
      stopEvents();
      stopResync();
    };
  }, []);
  return transfers;
}

/** "2.1 MB of 8 MB". */
export function transferCounts(transfer: Pick<FileTransfer, 'bytesDone' | 'totalBytes'>): string {
  return `${formatBytes(transfer.bytesDone)} of ${formatBytes(transfer.totalBytes)}`;
}
