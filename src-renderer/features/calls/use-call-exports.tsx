import { useCallback } from 'react';
import type { CallExportQuery } from '../../../src-shared/domain/call';
import { api } from '../../api';
import { buttonClassName } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { MenuButton } from '../../ui/MenuButton';
import { endOfToday } from '../../ui/dates';
import { useJob, useStartJob } from '../exchange/hooks';
import { ExportOutcome } from '../exchange/ExportOutcome';
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
  const { status: csvStatus } = useJob(csv.jobId);
  const { status: reportStatus } = useJob(report.jobId);

  const exportCsv = () => {
    const { offset: _offset, limit: _limit, ...query } = toQuery(request, 0, 1);
    void csv.run(query);
  };
  const exportReport = () => void report.run(reportPeriod(toQuery(request, 0, 1)));

  return {
    // One Export menu: the calls screen's header already holds the SLA report, the columns,
    // triage and "Log a call", and two more buttons wrapped it onto a second line at 1280 px.
    buttons: (
      <MenuButton
        label="Export calls"
        className={buttonClassName('secondary')}
        items={[
          { label: 'Export these calls as CSV', onSelect: () => !csv.starting && exportCsv() },
          { label: 'Report of this period (PDF)', onSelect: () => !report.starting && exportReport() },
        ]}
      >
        <Icon name="download" size={16} />
        Export
      </MenuButton>
    ),
    outcome: (
      <>
        <ExportOutcome label="Calls CSV export progress" rowNoun="call" cancellable jobId={csv.jobId} startError={csv.startError} status={csvStatus} onDismiss={csv.reset} />
        <ExportOutcome label="Calls report progress" rowNoun="call" cancellable jobId={report.jobId} startError={report.startError} status={reportStatus} onDismiss={report.reset} />
      </>
    ),
  };
}
