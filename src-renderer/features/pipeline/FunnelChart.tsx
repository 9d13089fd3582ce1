import { useId } from 'react';
import { formatNumber } from '../../ui/format';
import { useElementWidth } from '../../ui/use-element-width';
import type { Funnel } from './hooks';
import { ratio } from './pipeline-format';

const rowHeight = 40;
const barHeight = 26;
const labelWidth = 150;
const rateWidth = 96;

/**
 * Deals entering each stage as a centred funnel, with the share that went on to the next stage
 * at the right. An image to assistive technology, named by its title and summed up in its
 * description; the table beside it (FunnelTable) has every number.
 */
export function FunnelChart({ funnel, pipelineName }: { funnel: Funnel; pipelineName: string }) {
  const titleId = useId();
  const descriptionId = useId();
  const { ref, width } = useElementWidth<HTMLDivElement>(640, 240);
  const stages = funnel.stages;
  const max = Math.max(1, ...stages.map((stage) => stage.entered));
  const barArea = Math.max(80, width - labelWidth - rateWidth - 16);
  const height = stages.length * rowHeight + 8;
  const first = stages[0];
  const summary =
    first && first.entered > 0
      ? `${formatNumber(first.entered)} ${first.entered === 1 ? 'deal' : 'deals'} entered ${first.name}; ${formatNumber(funnel.won)} won and ${formatNumber(funnel.lost)} lost in the period. Win rate ${ratio(funnel.winRate)}.`
      : `No deals entered ${pipelineName} in this period.`;

  return (
    <div ref={ref} className="pipeline-chart">
      <svg role="img" aria-labelledby={`${titleId} ${descriptionId}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        <title id={titleId}>Funnel of {pipelineName}</title>
        <desc id={descriptionId}>{summary}</desc>
        {stages.map((stage, index) => {
          const y = index * rowHeight + 4;
          const barWidth = stage.entered === 0 ? 0 : Math.max(6, (stage.entered / max) * barArea);
          const x = labelWidth + (barArea - barWidth) / 2;
          const tone = stage.outcome === 'won' ? 'won' : stage.outcome === 'lost' ? 'lost' : 'open';
          const inside = barWidth > 44;
          return (
            <g key={stage.stageId} >
              <text x={labelWidth - 12} y={y + barHeight / 2} className="chart__label" textAnchor="end" dominantBaseline="central">
                {stage.name.length > 22 ? `${stage.name.slice(0, 21)}…` : stage.name}
              </text>
              <rect x={labelWidth} y={y} width={barArea} height={barHeight} rx={4} className="chart__track" />
              {barWidth > 0 ? <rect x={x} y={y} width={barWidth} height={barHeight} rx={4} className={tone === 'open' ? 'chart__bar' : `chart__bar chart__bar--${tone === 'won' ? 'success' : 'danger'}`} /> : null}
              <text
                x={inside ? labelWidth + barArea / 2 : x + barWidth + 6}
                y={y + barHeight / 2}
                textAnchor={inside ? 'middle' : 'start'}
                dominantBaseline="central"
                className={inside ? 'chart__value chart__value--inside' : 'chart__value'}
              >
                {formatNumber(stage.entered)}
              </text>
              <text x={width - 4} y={y + barHeight / 2} textAnchor="end" dominantBaseline="central" className="chart__rate">
                {stage.conversion === null ? '' : `${ratio(stage.conversion)} go on`}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
