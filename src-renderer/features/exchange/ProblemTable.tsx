import { Table, type TableColumn } from '../../ui/Table';

type Problem = { line: number; reason: string };

const columns: TableColumn<Problem>[] = [
  { id: 'line', header: 'Line', muted: true, cell: (problem) => problem.line },
  { id: 'reason', header: 'Reason', cell: (problem) => problem.reason },
];

const warningColumns: TableColumn<Problem & { index: number }>[] = [
  { id: 'line', header: 'Line', muted: true, cell: (warning) => warning.line },
  { id: 'reason', header: 'What happened', cell: (warning) => warning.reason },
];

/** Values of imported contacts that could not be used: each kept in the contact's summary as written, or left out. */
export function WarningTable({ warnings }: { warnings: readonly Problem[] }) {
  const rows = warnings.map((warning, index) => ({ ...warning, index }));
  return <Table caption="Values imported as written" density="compact" maxHeight={360} columns={warningColumns} rows={rows} rowKey={(warning) => warning.index} />;
}

/** The rows of a file an import cannot store, by line, with the reason. */
export function ProblemTable({ problems }: { problems: readonly Problem[] }) {
  return <Table caption="Rows that can’t be imported" density="compact" maxHeight={360} columns={columns} rows={problems} rowKey={(problem) => problem.line} />;
}
