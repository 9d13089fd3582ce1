import { useState } from 'react';
import type { ConversionRow } from '../../../src-shared/domain/lifecycle';
import { api } from '../../api';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { formatNumber } from '../../ui/format';
import { Grid } from '../../ui/Grid';
import { activityChanged } from '../../ui/live-events';
import { Segmented } from '../../ui/Segmented';
import { Stat } from '../../ui/Stat';
import { Table, type TableColumn } from '../../ui/Table';
import { useLiveData } from '../../ui/use-live-data';
import { useNow } from '../../ui/use-now';
import { days, ratio } from '../pipeline/pipeline-format';

const periods = ['month', 'quarter', 'year'] as const;
type ConversionPeriod = (typeof periods)[number];
const periodLabels: Record<ConversionPeriod, string> = { month: 'Last 30 days', quarter: 'Last 90 days', year: 'Last 12 months' };
const periodDays: Record<ConversionPeriod, number> = { month: 30, quarter: 90, year: 365 };
const dayMs = 86_400_000;

function columns(header: string, empty: string): TableColumn<ConversionRow>[] {
  return [
    { id: 'key', header, rowHeader: true, cell: (row) => row.key || empty },
    { id: 'leads', header: 'Leads', align: 'end', cell: (row) => formatNumber(row.leads) },
    { id: 'converted', header: 'Customers', align: 'end', cell: (row) => formatNumber(row.converted) },
    { id: 'rate', header: 'Rate', align: 'end', cell: (row) => ratio(row.rate) },
    { id: 'days', header: 'Average time', align: 'end', cell: (row) => days(row.averageDays) },
  ];
}

const sourceColumns = columns('Source', 'No source');
const ownerColumns = columns('Owner', 'No owner');

/**
 * Leads to customers: of the contacts who became leads in the period, how many are customers now
 * and how long it took, for the whole office, by where the leads came from and by owner.
 */
export function ConversionCard() {
  const now = useNow();
  const [period, setPeriod] = useState<ConversionPeriod>('quarter');
  // The period ends at the next whole hour, so the figures do not reload every minute.
  const to = Math.ceil(now / 3_600_000) * 3_600_000;
  const from = to - periodDays[period] * dayMs;
  const figures = useLiveData(`conversion:${from}:${to}`, () => api.invoke('lifecycle.conversion', { from, to }), {
    reloadOn: [activityChanged(['lifecycle_events'])],
  });
  const data = figures.latest;
  return (
    <Card title="Leads to customers" actions={<Segmented label="Period for conversions" options={periods} labels={periodLabels} value={period} onChange={setPeriod} />}>
      {data && data.total.leads > 0 ? (
        <>
          <Grid as="ul" min={160} aria-label="Conversion figures">
            <li>
              <Stat label="Conversion rate" value={ratio(data.total.rate)} detail={`${formatNumber(data.total.converted)} of ${formatNumber(data.total.leads)} leads`} />
            </li>
            <li>
              <Stat label="Lead to customer" value={days(data.total.averageDays)} detail="on average" />
            </li>
          </Grid>
          <Table caption="By source" frame="plain" columns={sourceColumns} rows={data.bySource} rowKey={(row) => `source:${row.key}`} />
          <Table caption="By owner" frame="plain" columns={ownerColumns} rows={data.byOwner} rowKey={(row) => `owner:${row.key}`} />
        </>
      ) : (
        <EmptyState compact title={data ? `No new leads in the ${periodLabels[period].toLowerCase()}.` : 'Loading…'} />
      )}
    </Card>
  );
}
