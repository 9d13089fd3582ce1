import { useState } from 'react';
import type { Pipeline } from '../../../src-shared/domain/pipeline';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { toDateInput } from '../../ui/dates';
import { formatNumber } from '../../ui/format';
import { LoadingState } from '../../ui/LoadingState';
import { Segmented } from '../../ui/Segmented';
import { Stat } from '../../ui/Stat';
import { TextField } from '../../ui/TextField';
import { useNow } from '../../ui/use-now';
import { Cluster } from '../../ui/Cluster';
import { Stack } from '../../ui/Stack';
import { ForecastChart } from './ForecastChart';
import { FunnelChart } from './FunnelChart';
import { FunnelTable } from './FunnelTable';
import { useForecast, useFunnel, useOwnerFigures } from './hooks';
import { OwnersTable } from './OwnersTable';
import { OwnersChart } from './OwnersChart';
import {
  customPeriod,
  funnelPeriod,
  funnelPeriodLabels,
  funnelPeriods,
  ownerPeriod,
  ownerPeriodLabels,
  ownerPeriods,
  type FunnelPeriod,
  type OwnerPeriod,
} from './periods';
import { money, ratio } from './pipeline-format';
import { Grid } from '../../ui/Grid';
import { ConversionCard } from '../lifecycle/ConversionCard';

/** The figures an owner steers by: the funnel of this pipeline, the forecast and each owner's results. */
export function NumbersView({ pipeline, currency }: { pipeline: Pipeline; currency: string }) {
  const now = useNow();
  const [periodKind, setPeriodKind] = useState<FunnelPeriod>('month');
  const [customFrom, setCustomFrom] = useState(() => toDateInput(funnelPeriod('quarter', Date.now()).from));
  const [customTo, setCustomTo] = useState(() => toDateInput(Date.now()));
  const [ownerKind, setOwnerKind] = useState<OwnerPeriod>('month');
  const period = periodKind === 'custom' ? customPeriod(customFrom, customTo) : funnelPeriod(periodKind, now);
  const funnel = useFunnel(pipeline.id, period);
  const forecast = useForecast();
  const owners = useOwnerFigures(ownerPeriod(ownerKind, now));
  const funnelData = funnel.latest;
  const forecastRows = forecast.latest ?? [];
  // The core lists every owner who has deals; only those with something in the period are shown.
  const ownerRows = (owners.latest ?? []).filter((row) => row.created + row.won + row.lost > 0);
  const periodWords = periodKind === 'custom' ? 'between the dates chosen' : funnelPeriodLabels[periodKind].toLowerCase();
  const openDeals = forecastRows.filter((row) => row.currency === currency).reduce((sum, row) => sum + row.count, 0);
  const weighted = forecastRows.filter((row) => row.currency === currency).reduce((sum, row) => sum + row.weightedMinor, 0);
  const otherCurrencies = [...new Set([...forecastRows, ...ownerRows].map((row) => row.currency).filter((code) => code !== currency))];

  return (
    <Stack className="numbers">
      <Cluster gap="md">
        <span className="meta strong" aria-hidden="true">
          Period
        </span>
        <Segmented label="Period for the funnel" options={funnelPeriods} labels={funnelPeriodLabels} value={periodKind} onChange={setPeriodKind} />
        {periodKind === 'custom' ? (
          <>
            <TextField label="From" type="date" value={customFrom} onChange={setCustomFrom} />
            <TextField label="To" type="date" value={customTo} error={period ? undefined : 'Choose an end on or after the start'} onChange={setCustomTo} />
          </>
        ) : null}
      </Cluster>

      <Grid as="ul" min={180} aria-label="Key figures">
        <li>
          <Stat label="Win rate" value={funnelData ? ratio(funnelData.winRate) : '—'} detail={`${periodWords}, ${pipeline.name}`} />
        </li>
        <li>
          <Stat label="Won" tone="success" value={funnelData ? formatNumber(funnelData.won) : '—'} detail={funnelData ? `${formatNumber(funnelData.lost)} lost` : ''} />
        </li>
        <li>
          <Stat label="Open deals" value={formatNumber(openDeals)} detail="all pipelines" />
        </li>
        <li>
          <Stat label="Weighted forecast" value={money(weighted, currency)} detail="open value × probability" />
        </li>
      </Grid>

      <Card title={`Funnel: ${pipeline.name}`} aside={`Deals entering each stage ${periodWords}`}>
        {funnelData ? (
          <>
            <FunnelChart funnel={funnelData} pipelineName={pipeline.name} />
            <FunnelTable funnel={funnelData} />
          </>
        ) : period ? (
          <LoadingState label="Loading…" />
        ) : (
          <EmptyState compact title="Choose a period." />
        )}
      </Card>

      <Grid min={620} gap="lg" className="numbers__pair">
        <Card title="Forecast" aside="Open deals of every pipeline, by expected close month">
          {forecastRows.some((row) => row.currency === currency) ? (
            <ForecastChart rows={forecastRows} currency={currency} />
          ) : (
            <EmptyState compact title="No open deals to forecast yet." />
          )}
        </Card>

        <Card
          title="By owner"
          actions={<Segmented label="Period for the owners" options={ownerPeriods} labels={ownerPeriodLabels} value={ownerKind} onChange={setOwnerKind} />}
        >
          {ownerRows.length > 0 ? (
            <>
              <OwnersChart owners={ownerRows} currency={currency} />
              <OwnersTable owners={ownerRows} />
            </>
          ) : (
            <EmptyState compact title={`No deals created or closed ${ownerPeriodLabels[ownerKind].toLowerCase()}.`} />
          )}
        </Card>
      </Grid>
      <ConversionCard />
      {otherCurrencies.length > 0 ? (
        <p className="muted">
          Charts show {currency}; deals in {otherCurrencies.join(', ')} are in the tables only.
        </p>
      ) : null}
    </Stack>
  );
}
