import { useId } from 'react';
import { formatNumber } from '../../ui/format';
import { useElementWidth } from '../../ui/use-element-width';
import { Cluster } from '../../ui/Cluster';
import { Stack } from '../../ui/Stack';
import { monthLabel, niceTicks } from './chart-scale';
import type { Forecast } from './hooks';
import { compactMoney, money } from './pipeline-format';

const height = 220;
const top = 12;
const bottom = 28;
const left = 64;

/**
 * Open value by expected close month: the full bar is what is open, the solid part what it is
 * worth weighted by probability. The numbers are in a visually hidden table for screen readers.
 */
export function ForecastChart({ rows, currency }: { rows: Forecast; currency: string }) {
  const titleId = useId();
  const { ref, width } = useElementWidth<HTMLDivElement>(640, 240);
  const months = rows.filter((row) => row.currency === currency);
  const ticks = niceTicks(Math.max(0, ...months.map((row) => row.totalMinor)));
  const max = ticks.at(-1) ?? 1;
  const plotHeight = height - top - bottom;
  const slot = (width - left - 8) / Math.max(1, months.length);
  const barWidth = Math.min(44, slot * 0.6);
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const weightedTotal = months.reduce((sum, row) => sum + row.weightedMinor, 0);

  return (
    <Stack as="figure" gap="sm">
      <div ref={ref} className="pipeline-chart">
        <svg aria-hidden="true" width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={left} x2={width - 4} y1={y(tick)} y2={y(tick)} className="chart__grid" />
              <text x={left - 8} y={y(tick)} textAnchor="end" dominantBaseline="central" className="chart__axis">
                {compactMoney(tick, currency)}
              </text>
            </g>
          ))}
          {months.map((row, index) => {
            const x = left + index * slot + (slot - barWidth) / 2;
            return (
              <g key={row.month ?? 'none'}>
                <rect x={x} y={y(row.totalMinor)} width={barWidth} height={Math.max(0, y(0) - y(row.totalMinor))} rx={3} className="chart__bar chart__bar--secondary" />
                <rect x={x} y={y(row.weightedMinor)} width={barWidth} height={Math.max(0, y(0) - y(row.weightedMinor))} rx={3} className="chart__bar" />
                <text x={x + barWidth / 2} y={height - 8} textAnchor="middle" className="chart__axis">
                  {monthLabel(row.month)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <Cluster as="figcaption" gap="md" id={titleId} className="meta">
        <span className="chart-legend__item">
          <span className="chart-legend__swatch chart-legend__swatch--primary" aria-hidden="true" /> Weighted by probability
        </span>
        <span className="chart-legend__item">
          <span className="chart-legend__swatch chart-legend__swatch--secondary" aria-hidden="true" /> Open value
        </span>
        <span className="chart-legend__sum strong">{money(weightedTotal, currency)} weighted in all</span>
      </Cluster>
      <table className="visually-hidden">
        <caption>Forecast by expected close month, in {currency}</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Open deals</th>
            <th scope="col">Open value</th>
            <th scope="col">Weighted</th>
          </tr>
        </thead>
        <tbody>
          {months.map((row) => (
            <tr key={row.month ?? 'none'}>
              <th scope="row">{monthLabel(row.month, true)}</th>
              <td>{formatNumber(row.count)}</td>
              <td>{money(row.totalMinor, currency)}</td>
              <td>{money(row.weightedMinor, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Stack>
  );
}
