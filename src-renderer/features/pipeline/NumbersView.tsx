import { useState } from 'react';
import type { Pipeline } from '../../../src-shared/domain/pipeline';
import { Field } from '../../ui/Field';
import { formatNumber } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { ForecastChart } from './ForecastChart';
import { FunnelChart } from './FunnelChart';
import { useForecast, useFunnel, useOwnerFigures, type Funnel } from './hooks';
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
import { days, money, ratio, toDateInput } from './pipeline-format';
import { Segmented } from './Segmented';

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
  const funnelData = funnel.status === 'ready' ? funnel.data : funnel.previous;
  const forecastRows = forecast.status === 'ready' ? forecast.data : (forecast.previous ?? []);
  // The core lists every owner who has deals; only those with something in the period are shown.
  const ownerRows = (owners.status === 'ready' ? owners.data : (owners.previous ?? [])).filter((row) => row.created + row.won + row.lost > 0);
  const openDeals = forecastRows.filter((row) => row.currency === currency).reduce((sum, row) => sum + row.count, 0);
  const weighted = forecastRows.filter((row) => row.currency === currency).reduce((sum, row) => sum + row.weightedMinor, 0);
  const otherCurrencies = [...new Set([...forecastRows, ...ownerRows].map((row) => row.currency).filter((code) => code !== currency))];

  return (
    <div className="pl-numbers">
      <div className="pl-numbers__toolbar">
        <div className="pl-numbers__period">
          <span className="pl-numbers__label" aria-hidden="true">
            Period
          </span>
          <Segmented label="Period for the funnel" options={funnelPeriods} labels={funnelPeriodLabels} value={periodKind} onChange={setPeriodKind} />
        </div>
        {periodKind === 'custom' ? (
          <div className="pl-numbers__custom">
            <Field label="From">
              {(control) => <input {...control} type="date" className="input" value={customFrom} onChange={(event) => setCustomFrom(event.target.value)} />}
            </Field>
            <Field label="To" error={period ? undefined : 'Choose an end on or after the start'}>
              {(control) => <input {...control} type="date" className="input" value={customTo} onChange={(event) => setCustomTo(event.target.value)} />}
            </Field>
          </div>
        ) : null}
      </div>

      <ul className="pl-kpis" aria-label="Key figures">
        <li className="pl-kpi">
          <span className="pl-kpi__label">Win rate</span>
          <span className="pl-kpi__value">{funnelData ? ratio(funnelData.winRate) : '—'}</span>
          <span className="pl-kpi__note">
            {periodKind === 'custom' ? 'between the dates chosen' : funnelPeriodLabels[periodKind].toLowerCase()}, {pipeline.name}
          </span>
        </li>
        <li className="pl-kpi">
          <span className="pl-kpi__label">Won</span>
          <span className="pl-kpi__value pl-kpi__value--won">{funnelData ? formatNumber(funnelData.won) : '—'}</span>
          <span className="pl-kpi__note">{funnelData ? `${formatNumber(funnelData.lost)} lost` : ''}</span>
        </li>
        <li className="pl-kpi">
          <span className="pl-kpi__label">Open deals</span>
          <span className="pl-kpi__value">{formatNumber(openDeals)}</span>
          <span className="pl-kpi__note">all pipelines</span>
        </li>
        <li className="pl-kpi">
          <span className="pl-kpi__label">Weighted forecast</span>
          <span className="pl-kpi__value">{money(weighted, currency)}</span>
          <span className="pl-kpi__note">open value × probability</span>
        </li>
      </ul>

      <section className="card" aria-labelledby="numbers-funnel">
        <div className="pl-card-head">
          <h2 id="numbers-funnel" className="card__title">
            Funnel: {pipeline.name}
          </h2>
          <p className="pl-card-aside">Deals entering each stage {periodKind === 'custom' ? 'between the dates chosen' : funnelPeriodLabels[periodKind].toLowerCase()}</p>
        </div>
        {funnelData ? (
          <>
            <FunnelChart funnel={funnelData} pipelineName={pipeline.name} />
            <div className="pl-table-scroll">
              <FunnelTable funnel={funnelData} />
            </div>
          </>
        ) : (
          <p className="muted">{period ? 'Loading…' : 'Choose a period.'}</p>
        )}
      </section>

      <div className="pl-numbers__pair">
        <section className="card" aria-labelledby="numbers-forecast">
          <div className="pl-card-head">
            <h2 id="numbers-forecast" className="card__title">
              Forecast
            </h2>
            <p className="pl-card-aside">Open deals of every pipeline, by expected close month</p>
          </div>
          {forecastRows.some((row) => row.currency === currency) ? (
            <ForecastChart rows={forecastRows} currency={currency} />
          ) : (
            <p className="muted">No open deals to forecast yet.</p>
          )}
        </section>

        <section className="card" aria-labelledby="numbers-owners">
          <div className="pl-card-head">
            <h2 id="numbers-owners" className="card__title">
              By owner
            </h2>
            <Segmented label="Period for the owners" options={ownerPeriods} labels={ownerPeriodLabels} value={ownerKind} onChange={setOwnerKind} />
          </div>
          {ownerRows.length > 0 ? (
            <>
              <OwnersChart owners={ownerRows} currency={currency} />
              <div className="pl-table-scroll">
                <OwnersTable owners={ownerRows} />
              </div>
            </>
          ) : (
            <p className="muted">No deals created or closed {ownerPeriodLabels[ownerKind].toLowerCase()}.</p>
          )}
        </section>
      </div>
      {otherCurrencies.length > 0 ? (
        <p className="muted">Charts show {currency}; deals in {otherCurrencies.join(', ')} are in the tables only.</p>
      ) : null}
    </div>
  );
}

function FunnelTable({ funnel }: { funnel: Funnel }) {
  return (
    <table className="pl-figures">
      <caption className="visually-hidden">Funnel figures per stage</caption>
      <thead>
        <tr>
          <th scope="col">Stage</th>
          <th scope="col" className="col--end">
            Entered
          </th>
          <th scope="col" className="col--end">
            Went on
          </th>
          <th scope="col" className="col--end">
            Conversion
          </th>
          <th scope="col" className="col--end">
            Drop-off
          </th>
          <th scope="col" className="col--end">
            Average time in stage
          </th>
        </tr>
      </thead>
      <tbody>
        {funnel.stages.map((stage) => (
          <tr key={stage.stageId}>
            <th scope="row">
              <span className={`stage-dot stage-dot--${stage.outcome}`} aria-hidden="true" />
              {stage.name}
            </th>
            <td className="col--end pl-num">{formatNumber(stage.entered)}</td>
            <td className="col--end pl-num">{stage.outcome === 'open' ? formatNumber(stage.advanced) : '—'}</td>
            <td className="col--end pl-num">{ratio(stage.conversion)}</td>
            <td className="col--end pl-num">{ratio(stage.dropOff)}</td>
            <td className="col--end pl-num">{days(stage.averageDays)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Overall win rate</th>
          <td colSpan={5} className="col--end pl-num">
            {ratio(funnel.winRate)} ({formatNumber(funnel.won)} won, {formatNumber(funnel.lost)} lost)
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
