import { formatNumber } from '../../ui/format';
import { Table, type TableColumn } from '../../ui/Table';
import type { OwnerFigures } from './hooks';
import { days, money, ratio } from './pipeline-format';

type Row = OwnerFigures[number];

const columns: TableColumn<Row>[] = [
  { id: 'owner', header: 'Owner', rowHeader: true, cell: (row) => row.owner || 'No owner' },
  { id: 'created', header: 'Created', align: 'end', cell: (row) => formatNumber(row.created) },
  { id: 'won', header: 'Won', align: 'end', cell: (row) => formatNumber(row.won) },
  { id: 'lost', header: 'Lost', align: 'end', cell: (row) => formatNumber(row.lost) },
  { id: 'wonValue', header: 'Won value', align: 'end', cell: (row) => money(row.wonValueMinor, row.currency) },
  { id: 'winRate', header: 'Win rate', align: 'end', cell: (row) => ratio(row.winRate) },
  { id: 'average', header: 'Average deal', align: 'end', cell: (row) => (row.averageDealMinor === null ? '—' : money(row.averageDealMinor, row.currency)) },
  { id: 'days', header: 'Days to close', align: 'end', cell: (row) => days(row.averageDaysToClose) },
];

/** Each owner's results for the period: what they opened, won and lost, and how fast. */
export function OwnersTable({ owners }: { owners: OwnerFigures }) {
  return <Table caption="Figures per owner" frame="plain" columns={columns} rows={owners} rowKey={(row) => `${row.owner}:${row.currency}`} />;
}
