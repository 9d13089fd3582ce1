import { formatNumber } from '../../ui/format';
import { Table, type TableColumn } from '../../ui/Table';
import type { Funnel } from './hooks';
import { days, ratio } from './pipeline-format';

type Row = Funnel['stages'][number];

const columns: TableColumn<Row>[] = [
  {
    id: 'stage',
    header: 'Stage',
    rowHeader: true,
    cell: (stage) => (
      <>
        <span className={`stage-dot stage-dot--${stage.outcome}`} aria-hidden="true" />
        {stage.name}
      </>
    ),
  },
  { id: 'entered', header: 'Entered', align: 'end', cell: (stage) => formatNumber(stage.entered) },
  { id: 'advanced', header: 'Went on', align: 'end', cell: (stage) => (stage.outcome === 'open' ? formatNumber(stage.advanced) : '—') },
  { id: 'conversion', header: 'Conversion', align: 'end', cell: (stage) => ratio(stage.conversion) },
  { id: 'dropOff', header: 'Drop-off', align: 'end', cell: (stage) => ratio(stage.dropOff) },
  { id: 'days', header: 'Average time in stage', align: 'end', cell: (stage) => days(stage.averageDays) },
];

/** Every number of the funnel chart, per stage, with the overall win rate. */
export function FunnelTable({ funnel }: { funnel: Funnel }) {
  return (
    <Table
      caption="Funnel figures per stage"
      frame="plain"
      columns={columns}
      rows={funnel.stages}
      rowKey={(stage) => stage.stageId}
      footer={
        <tr>
          <th scope="row">Overall win rate</th>
          <td colSpan={5} className="table__cell--end">
            {ratio(funnel.winRate)} ({formatNumber(funnel.won)} won, {formatNumber(funnel.lost)} lost)
          </td>
        </tr>
      }
    />
  );
}
