import { useCallback, useState } from 'react';
import type { CallExportQuery } from '../../../src-shared/domain/call';
import { api, describeError } from '../../api';
import { Button } from '../../ui/Button';
import { Cluster } from '../../ui/Cluster';
import { endOfToday } from '../../ui/dates';
import { formatCount } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { DownloadLink } from '../exchange/DownloadLink';
import { useJob, useStartJob } from '../exchange/hooks';
import { JobProgress } from '../exchange/JobProgress';
import { toQuery, type CallRequest } from './call-pages';

/** The report's period: the list's From and To, or this month so far when the list has none. */
export function reportPeriod(query: Pick<CallExportQuery, 'from' | 'to'>, now = Date.now()): { from: number; to: number } {
  const monthStart = new Date(now);
  monthStart.setDate(1);
  monthStart.setHours(0, 0, 0, 0);
  const to = query.to !== undefined ? query.to + 1 : endOfToday(now) + 1;
  return { from: query.from ?? Math.min(monthStart.getTime(), to - 1), to };
}

/**
 * The calls screen's exports (src-main/calls/exports.ts): the list as filtered as CSV, and the
 * printable report of the list's period as PDF. Each runs as an exchange job, shown with its
 * progress and a Cancel, then a link to the file.
 */
export function useCallExports(request: CallRequest) {
  const startCsv = useCallback((query: CallExportQuery) => api.invoke('calls.exportCsv', query), []);
  const startReport = useCallback((period: { from: number; to: number }) => api.invoke('calls.exportReport', period), []);
  const csv = useStartJob(startCsv);
  const report = useStartJob(startReport);

  const exportCsv = () => {
    const { offset: _offset, limit: _limit, ...query } = toQuery(request, 0, 1);
    void csv.run(query);
  };
  const exportReport = () => void report.run(reportPeriod(toQuery(request, 0, 1)));

  return {
    buttons: (
      <>
        <Button icon="download" onClick={exportCsv} disabled={csv.starting}>
          Export these calls as CSV
        </Button>
        <Button icon="download" onClick={exportReport} disabled={report.starting}>
          Report of this period (PDF)
        </Button>
      </>
    ),
    outcome: (
      <>
        <CallExportOutcome label="Calls CSV export" jobId={csv.jobId} startError={csv.startError} onDismiss={csv.reset} />
        <CallExportOutcome label="Calls report" jobId={report.jobId} startError={report.startError} onDismiss={report.reset} />
      </>
    ),
  };
}

function CallExportOutcome({ label, jobId, startError, onDismiss }: { label: string; jobId: string | null; startError: unknown; onDismiss: () => void }) {
  const { status } = useJob(jobId);
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
    const cancel = () => {
      setCancelling(jobId);
      void api.invoke('exchange.cancel', { jobId });
    };
    return <JobProgress label={`${label} progress`} status={status} onCancel={cancel} cancelling={cancelling === jobId} />;
  }
  const dismiss = (
    <Button variant="ghost" size="sm" onClick={onDismiss}>
      Dismiss
    </Button>
  );
  if (status.state === 'done' && status.exportResult) {
    const result = status.exportResult;
    return (
      <Notice tone="success" role="status" icon="check">
        <Cluster as="span" justify="between">
          {label}: {formatCount(result.rows, 'call')} in {result.fileName}.
          <Cluster as="span">
            <DownloadLink kind="exports" fileName={result.fileName} bytes={result.bytes} />
            {dismiss}
          </Cluster>
        </Cluster>
      </Notice>
    );
  }
  return (
    <Notice tone={status.state === 'cancelled' ? 'info' : 'danger'} role="status">
      <Cluster as="span" justify="between">
        {status.state === 'cancelled' ? `${label} cancelled.` : `${label} did not finish. ${status.error?.message ?? ''}`}
        {dismiss}
      </Cluster>
    </Notice>
  );
}
