import { Table, type TableColumn } from '../../ui/Table';

type Problem = { line: number; reason: string };

const columns: TableColumn<Problem>[] = [
  { id: 'line', header: 'Line', muted: true, cell: (problem) => problem.line },
  { id: 'reason', header: 'Reason', cell: (problem) => problem.reason },
];

/** The rows of a file an import cannot store, by line, with the reason. */
export function ProblemTable({ problems }: { problems: readonly Problem[] }) {
  return <Table caption="Rows that can’t be imported" density="compact" maxHeight={360} columns={columns} rows={problems} rowKey={(problem) => problem.line} />;
}
