import { useState } from 'react';
import type { SlaCounts } from '../../../src-shared/domain/sla';
import { api } from '../../api';
import { BackLink } from '../../ui/BackLink';
import { Card } from '../../ui/Card';
import { Cluster } from '../../ui/Cluster';
import { EmptyState } from '../../ui/EmptyState';
import { formatNumber } from '../../ui/format';
import { Grid } from '../../ui/Grid';
import { activityChanged } from '../../ui/live-events';
import { LoadingState } from '../../ui/LoadingState';
import { Meter } from '../../ui/Meter';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { Segmented } from '../../ui/Segmented';
import { Stack } from '../../ui/Stack';
import { Stat } from '../../ui/Stat';
import { Table, type TableColumn } from '../../ui/Table';
import { TextField } from '../../ui/TextField';
import { useLiveData } from '../../ui/use-live-data';
import { useNow } from '../../ui/use-now';
import { periodBounds, reportPeriodLabels, reportPeriods, type ReportPeriod } from './sla-period';
import './calls.css';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

function countColumns<Row extends SlaCounts>(first: TableColumn<Row>): TableColumn<Row>[] {
  return [
    first,
    {
      id: 'share',
      header: 'Kept',
      width: '180px',
      cell: (row) => (
        <span className="sla-share">
          <Meter label="Share made in time" value={Math.round((row.shareInTime ?? 0) * 100)} valueText={percent(row.shareInTime)} tone={shareTone(row.shareInTime)} />
          <span className="numeric strong">{percent(row.shareInTime)}</span>
        </span>
      ),
    },
    { id: 'inTime', header: 'In time', align: 'end', numeric: true, width: '90px', cell: (row) => formatNumber(row.madeInTime) },
    { id: 'late', header: 'Late', align: 'end', numeric: true, width: '90px', cell: (row) => formatNumber(row.madeLate) },
    { id: 'overdue', header: 'Overdue', align: 'end', numeric: true, width: '100px', cell: (row) => formatNumber(row.openOverdue) },
    { id: 'notDue', header: 'Not yet due', align: 'end', numeric: true, width: '110px', muted: true, cell: (row) => formatNumber(row.openNotDue) },
  ];
}

function shareTone(share: number | null): 'success' | 'warning' | 'muted' {
  if (share === null) return 'muted';
  return share >= 0.9 ? 'success' : 'warning';
}

const outcomeColumns = countColumns<SlaCounts & { outcome: string }>({ id: 'outcome', header: 'Outcome', rowHeader: true, cell: (row) => row.outcome || 'No outcome' });
const memberColumns = countColumns<SlaCounts & { member: string }>({ id: 'member', header: 'Member', rowHeader: true, cell: (row) => row.member || 'Unassigned' });

/** The SLA report: of the call-backs due in a period, how many were made within their promise, by outcome and by member. */
export function SlaReportScreen() {
  const now = useNow();
  const [period, setPeriod] = useState<ReportPeriod>('last7');
  const [custom, setCustom] = useState({ from: '', to: '' });
  const bounds = periodBounds(period, now, custom);
  const report = useLiveData(bounds ? `sla-report:${bounds.from}:${bounds.to}` : null, () => api.invoke('calls.slaReport', bounds!), {
    reloadOn: [activityChanged(['calls', 'follow_ups'])],
  });
  const data = report.data ?? report.latest;
  const judged = data ? data.total.madeInTime + data.total.madeLate + data.total.openOverdue : 0;

  let body;
  if (!data) body = <LoadingState label="Counting call-backs…" size="block" />;
  else if (judged + data.total.openNotDue === 0) {
    body = (
      <EmptyState icon="check" title="No call-backs were due in this period">
        <p>A call given an outcome that an SLA rule covers (Settings → Response times) promises a call-back; those due in the period are counted here.</p>
      </EmptyState>
    );
  } else {
    body = (
      <Stack gap="lg">
        <Grid as="ul" min={180} aria-label="Key figures">
          <li>
            <Stat label="Made within the promise" value={percent(data.total.shareInTime)} detail={`${formatNumber(data.total.madeInTime)} of ${formatNumber(judged)} call-backs`} tone={data.total.shareInTime !== null && data.total.shareInTime >= 0.9 ? 'success' : 'warning'} />
          </li>
          <li>
            <Stat label="Made late" value={formatNumber(data.total.madeLate)} detail="after their deadline" />
          </li>
          <li>
            <Stat label="Open and overdue" value={formatNumber(data.total.openOverdue)} detail="promises already broken" tone={data.total.openOverdue > 0 ? 'danger' : 'neutral'} />
          </li>
          <li>
            <Stat label="Not yet due" value={formatNumber(data.total.openNotDue)} detail="not counted in the share" />
          </li>
        </Grid>
        <Card title="By outcome" aside="The outcome the call was given">
          <Table caption="Call-backs by outcome" columns={outcomeColumns} rows={data.byOutcome} rowKey={(row) => row.outcome} frame="plain" />
        </Card>
        <Card title="By member" aside="Who made the call-back; an open one counts for whom it is assigned to">
          <Table caption="Call-backs by member" columns={memberColumns} rows={data.byMember} rowKey={(row) => row.member} frame="plain" />
        </Card>
      </Stack>
    );
  }

  return (
    <Screen width="wide">
      <PageHeader back={<BackLink to={{ name: 'calls' }}>Calls</BackLink>} title="Call-back promises" meta="Call-backs due in the period, made within their SLA promise or not" />
      <Stack gap="lg">
        <Cluster gap="md">
          <Segmented label="Period" options={reportPeriods} labels={reportPeriodLabels} value={period} onChange={setPeriod} />
          {period === 'custom' ? (
            <>
              <TextField label="From" type="date" value={custom.from} onChange={(from) => setCustom({ ...custom, from })} />
              <TextField label="To" type="date" value={custom.to} error={bounds ? undefined : 'Choose an end on or after the start'} onChange={(to) => setCustom({ ...custom, to })} />
            </>
          ) : null}
        </Cluster>
        {body}
      </Stack>
    </Screen>
  );
}
