import type { FileTransfer, StoredFile } from '../../../src-shared/domain/file';
import { Button } from '../../ui/Button';
import { formatBytes, formatTime } from '../../ui/format';
import { ProgressBar } from '../../ui/ProgressBar';
import { transferCounts } from './transfers';

export interface FetchState {
  /** Asked for, before the first progress arrives. */
  fetching: boolean;
  /** Why the last fetch failed, in the core's words. */
  problem: string | null;
}

interface FileTransferStatusProps {
  file: StoredFile;
  upload: FileTransfer | undefined;
  download: FileTransfer | undefined;
  fetchState: FetchState;
  onFetch: () => void;
  onCancelFetch: () => void;
}

/**
 * Where a file's bytes are, under its name: uploading to the team (with progress, or why it
 * waits), not on this laptop yet (with Fetch), or being fetched (with progress and Cancel).
 */
export function FileTransferStatus({ file, upload, download, fetchState, onFetch, onCancelFetch }: FileTransferStatusProps) {
  if (download || fetchState.fetching) {
    return (
      <div className="file-transfer">
        <ProgressBar
          label={`Fetching ${file.name}`}
          phase="Fetching from your team…"
          done={download?.bytesDone ?? 0}
          total={download?.totalBytes ?? file.sizeBytes}
          counts={download ? transferCounts(download) : null}
        />
        <Button size="sm" variant="ghost" aria-label={`Cancel fetching ${file.name}`} onClick={onCancelFetch}>
          Cancel
        </Button>
      </div>
    );
  }
  if (!file.available) {
    return (
      <div className="file-transfer file-transfer--missing">
        <p className={fetchState.problem ? 'file-transfer__problem' : 'file-transfer__note'} role={fetchState.problem ? 'alert' : undefined}>
          {fetchState.problem ?? `Not on this laptop yet (${formatBytes(file.sizeBytes)}).`}
        </p>
        <Button size="sm" icon="download" aria-label={`Fetch ${file.name}`} onClick={onFetch}>
          {fetchState.problem ? 'Try again' : 'Fetch'}
        </Button>
      </div>
    );
  }
  if (upload?.state === 'active') {
    return (
      <div className="file-transfer">
        <ProgressBar label={`Uploading ${file.name}`} phase="Uploading to your team…" done={upload.bytesDone} total={upload.totalBytes} counts={transferCounts(upload)} />
      </div>
    );
  }
  if (upload) {
    const retry = upload.retryAt ? ` Next try at ${formatTime(upload.retryAt)}.` : '';
    return (
      <p className="file-transfer__note file-transfer__note--waiting">
        {upload.message ? `Not with your team yet. ${upload.message}${retry}` : 'Waiting to upload to your team.'}
      </p>
    );
  }
  return null;
}
