import { formatNumber } from '../../ui/format';
import { useElementWidth } from '../../ui/use-element-width';
import type { OwnerFigures } from './hooks';
import { compactMoney } from './pipeline-format';

const rowHeight = 34;
const barHeight = 20;
const labelWidth = 140;
const valueWidth = 136;

/** Won value per owner as bars; hidden from assistive technology because OwnersTable has every figure. */
export function OwnersChart({ owners, currency }: { owners: OwnerFigures; currency: string }) {
  const { ref, width } = useElementWidth<HTMLDivElement>(640, 240);
  const rows = owners.filter((row) => row.currency === currency);
  const max = Math.max(1, ...rows.map((row) => row.wonValueMinor));
  const barArea = Math.max(60, width - labelWidth - valueWidth);
  const height = rows.length * rowHeight + 4;
  return (
    <div ref={ref} className="pipeline-chart">
      <svg aria-hidden="true" width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        {rows.map((row, index) => {
          const y = index * rowHeight + 4;
          const barWidth = row.wonValueMinor === 0 ? 0 : Math.max(4, (row.wonValueMinor / max) * barArea);
          return (
            <g key={`${row.owner}:${row.currency}`}>
              <text x={labelWidth - 12} y={y + barHeight / 2} textAnchor="end" dominantBaseline="central" className="chart__label">
                {row.owner || 'No owner'}
              </text>
              <rect x={labelWidth} y={y} width={barArea} height={barHeight} rx={4} className="chart__track" />
              {barWidth > 0 ? <rect x={labelWidth} y={y} width={barWidth} height={barHeight} rx={4} className="chart__bar chart__bar--success" /> : null}
              <text x={labelWidth + barWidth + 8} y={y + barHeight / 2} dominantBaseline="central" className="chart__value">
                {row.wonValueMinor === 0 ? 'nothing won' : `${compactMoney(row.wonValueMinor, currency)} · ${formatNumber(row.won)} won`}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
