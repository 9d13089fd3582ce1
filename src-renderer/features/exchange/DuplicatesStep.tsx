import { duplicateActions, type DuplicateAction, type ImportPreview } from '../../../src-shared/domain/exchange';
import { EmptyState } from '../../ui/EmptyState';
import { Segmented } from '../../ui/Segmented';
import { Select, toOptions } from '../../ui/Select';
import { StatList } from '../../ui/StatList';
import { Table, type TableColumn } from '../../ui/Table';
import { ProblemTable } from './ProblemTable';

export const duplicateActionLabels: Record<DuplicateAction, string> = {
  skip: 'Skip',
  update: 'Update existing',
  create: 'Create anyway',
};
type DuplicateRow = ImportPreview['duplicates'][number];

interface DuplicatesStepProps {
  preview: ImportPreview;
  onDuplicate: DuplicateAction;
  decisions: Record<string, DuplicateAction>;
  onChangeDefault: (action: DuplicateAction) => void;
  onChangeRow: (line: number, action: DuplicateAction) => void;
}

/** What the import will do, and a choice for the rows that match a contact already there. */
export function DuplicatesStep({ preview, onDuplicate, decisions, onChangeDefault, onChangeRow }: DuplicatesStepProps) {
  const { counts, duplicates, problems } = preview;
  const columns: TableColumn<DuplicateRow>[] = [
    { id: 'line', header: 'Line', muted: true, cell: (duplicate) => duplicate.line },
    { id: 'row', header: 'Row', cell: (duplicate) => duplicate.name },
    {
      id: 'matches',
      header: 'Matches',
      cell: (duplicate) => (
        <>
          {duplicate.existing ? duplicate.existing.name : `line ${duplicate.earlierLine ?? '?'} of this file`}
          <span className="muted"> · {duplicate.reason}</span>
        </>
      ),
    },
    {
      id: 'action',
      header: 'Do',
      cell: (duplicate) => (
        <Select
          aria-label={`Line ${duplicate.line}: ${duplicate.name}`}
          options={toOptions(duplicateActions, duplicateActionLabels)}
          value={decisions[String(duplicate.line)] ?? duplicate.action}
          onChange={(action) => onChangeRow(duplicate.line, action)}
        />
      ),
    },
  ];

  return (
    <div className="exchange-section">
      <StatList
        label="What this import will do"
        items={[
          { label: 'Rows in the file', value: counts.rows },
          { label: 'Will be created', value: counts.created },
          { label: 'Will update a contact', value: counts.updated },
          { label: 'Will be skipped', value: counts.skipped },
          { label: 'Can’t be imported', value: counts.rejected, danger: counts.rejected > 0 },
        ]}
      />

      <section className="exchange-section" aria-labelledby="import-duplicates-title">
        <h3 id="import-duplicates-title" className="exchange-subtitle">
          Duplicates
        </h3>
        {duplicates.length === 0 ? (
          <EmptyState compact title="No row matches a contact you already have, or another row of the file." />
        ) : (
          <>
            <Segmented
              label="When a row matches a contact you already have"
              showLabel
              options={duplicateActions}
              labels={duplicateActionLabels}
              value={onDuplicate}
              onChange={onChangeDefault}
            />
            <Table caption="Rows that match a contact" density="compact" maxHeight={360} columns={columns} rows={duplicates} rowKey={(duplicate) => duplicate.line} />
          </>
        )}
      </section>

      {problems.length > 0 ? (
        <section className="exchange-section" aria-labelledby="import-problems-title">
          <h3 id="import-problems-title" className="exchange-subtitle">
            Rows that can’t be imported
          </h3>
          <ProblemTable problems={problems} />
        </section>
      ) : null}
    </div>
  );
}
