import { useId } from 'react';
import { formatNumber } from './format';
import './BarChart.css';

export interface Bar {
  label: string;
  value: number;
  /** The label read out in the table, when the drawn one is abbreviated ("Mon" → "Monday 3 March"). */
  longLabel?: string;
}

interface BarChartProps {
  title: string;
  bars: readonly Bar[];
  orientation?: 'horizontal' | 'vertical';
  /** Header of the value column in the table read by screen readers. */
  valueLabel?: string;
}

const rowHeight = 28;
const width = 320;

/**
 * A small bar chart drawn as SVG. The drawing is decorative for assistive technology: the same
 * numbers are in a visually hidden table under the chart's caption.
 */
export function BarChart({ title, bars, orientation = 'horizontal', valueLabel = 'Count' }: BarChartProps) {
  const captionId = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <figure className="bar-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="bar-chart__title">
        {title}
      </figcaption>
      {orientation === 'horizontal' ? <HorizontalBars bars={bars} max={max} /> : <VerticalBars bars={bars} max={max} />}
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">{valueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.longLabel ?? bar.label}</th>
              <td>{formatNumber(bar.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function HorizontalBars({ bars, max }: { bars: readonly Bar[]; max: number }) {
  const labelWidth = 104;
  const valueWidth = 44;
  const barSpace = width - labelWidth - valueWidth;
  const height = bars.length * rowHeight;
  return (
    <svg className="chart-svg" viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true" focusable="false">
      {bars.map((bar, index) => {
        const y = index * rowHeight;
        const length = Math.max(bar.value > 0 ? 3 : 0, (bar.value / max) * barSpace);
        return (
          <g key={bar.label} transform={`translate(0 ${y})`}>
            <text x={0} y={rowHeight / 2} dominantBaseline="central" className="chart__label">
              {bar.label.length > 15 ? `${bar.label.slice(0, 14)}…` : bar.label}
            </text>
            <rect x={labelWidth} y={6} width={barSpace} height={rowHeight - 12} rx={4} className="chart__track" />
            <rect x={labelWidth} y={6} width={length} height={rowHeight - 12} rx={4} className="chart__bar" />
            <text x={width} y={rowHeight / 2} dominantBaseline="central" textAnchor="end" className="chart__value">
              {formatNumber(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function VerticalBars({ bars, max }: { bars: readonly Bar[]; max: number }) {
  const height = 150;
  const labelSpace = 22;
  const valueSpace = 18;
  const plot = height - labelSpace - valueSpace;
  const slot = width / Math.max(1, bars.length);
  const barWidth = Math.min(28, slot * 0.56);
  return (
    <svg className="chart-svg" viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true" focusable="false">
      <line x1={0} x2={width} y1={valueSpace + plot + 0.5} y2={valueSpace + plot + 0.5} className="chart__baseline" />
      {bars.map((bar, index) => {
        const length = Math.max(bar.value > 0 ? 3 : 0, (bar.value / max) * plot);
        const x = index * slot + (slot - barWidth) / 2;
        const top = valueSpace + plot - length;
        return (
          <g key={bar.label}>
            <rect x={x} y={top} width={barWidth} height={length} rx={4} className="chart__bar" />
            <text x={x + barWidth / 2} y={top - 5} textAnchor="middle" className="chart__value">
              {formatNumber(bar.value)}
            </text>
            <text x={x + barWidth / 2} y={height - 6} textAnchor="middle" className="chart__label">
              {bar.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
