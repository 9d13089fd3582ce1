import { useState } from 'react';
import { api, describeError } from '../../api';
import { Button } from '../../ui/Button';
import { Cluster } from '../../ui/Cluster';
import { formatCount } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { DownloadLink } from './DownloadLink';
import type { useJob } from './hooks';
import { JobProgress } from './JobProgress';

export interface ExportOutcomeProps {
  label: string;
  jobId: string | null;
  startError: unknown;
  status: ReturnType<typeof useJob>['status'];
  /** What the file's rows are, as counted when it is done: "2,000 calls". */
  rowNoun?: string;
  /** Offers Cancel while it runs (exchange.cancel). */
  cancellable?: boolean;
  /** Offers Dismiss once it has ended. */
  onDismiss?: () => void;
}

/** An export job as it goes: progress (with Cancel), then the file to download, or why it stopped. */
export function ExportOutcome({ label, jobId, startError, status, rowNoun = 'row', cancellable = false, onDismiss }: ExportOutcomeProps) {
  const [cancelling, setCancelling] = useState<string | null>(null);
  if (startError) {
    return (
      <Notice tone="danger" role="alert">
        The export could not start. {describeError(startError)}
      </Notice>
    );
  }
  if (!jobId) return null;
  if (!status || status.state === 'running') {
    if (!cancellable) return <JobProgress label={label} status={status} />;
    const cancel = () => {
      setCancelling(jobId);
      void api.invoke('exchange.cancel', { jobId });
    };
    return <JobProgress label={label} status={status} onCancel={cancel} cancelling={cancelling === jobId} />;
  }
  const dismiss = onDismiss ? (
    <Button variant="ghost" size="sm" onClick={onDismiss}>
      Dismiss
    </Button>
  ) : null;
  if (status.state === 'done' && status.exportResult) {
    const result = status.exportResult;
    return (
      <Notice tone="success" role="status" icon="check">
        <Cluster as="span" justify="between">
          {formatCount(result.rows, rowNoun)} written to {result.fileName}.
          <Cluster as="span">
            <DownloadLink kind="exports" fileName={result.fileName} bytes={result.bytes} />
            {dismiss}
          </Cluster>
        </Cluster>
      </Notice>
    );
  }
  const cancelled = status.state === 'cancelled';
  return (
    <Notice tone={cancelled ? 'info' : 'danger'} role={cancelled ? 'status' : 'alert'}>
      <Cluster as="span" justify="between">
        {cancelled ? 'The export was cancelled.' : `The export did not finish. ${status.error?.message ?? 'It was stopped.'}`}
        {dismiss}
      </Cluster>
    </Notice>
  );
}
