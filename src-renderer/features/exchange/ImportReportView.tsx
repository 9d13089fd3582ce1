import { useState } from 'react';
import type { ImportReport, UndoReport } from '../../../src-shared/domain/exchange';
import { api, describeError } from '../../api';
import { Button } from '../../ui/Button';
import { formatCount } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { Notice } from '../../ui/Notice';
import { StatList } from '../../ui/StatList';
import { Cluster } from '../../ui/Cluster';
import { Stack } from '../../ui/Stack';
import { saveTextAsFile } from './hooks';
import { ProblemTable, WarningTable } from './ProblemTable';

interface ImportReportViewProps {
  report: ImportReport;
  onStartOver: () => void;
}

/** What the import did: counts, the rows it could not store, and a way to take it all back. */
export function ImportReportView({ report, onStartOver }: ImportReportViewProps) {
  const [error, setError] = useState<string | null>(null);
  const [undoing, setUndoing] = useState(false);
  const [undone, setUndone] = useState<UndoReport | null>(null);
  const { counts } = report;
  const cancelled = report.state === 'cancelled';

  const downloadErrors = async () => {
    setError(null);
    try {
      const { fileName, csv } = await api.invoke('exchange.importErrors', { batchId: report.batchId });
      saveTextAsFile(fileName, csv);
    } catch (caught) {
      setError(`The rejected rows could not be fetched. ${describeError(caught)}`);
    }
  };

  const undo = async () => {
    setError(null);
    setUndoing(true);
    try {
      setUndone(await api.invoke('exchange.undoImport', { batchId: report.batchId }));
    } catch (caught) {
      setError(`The import could not be undone. ${describeError(caught)}`);
    } finally {
      setUndoing(false);
    }
  };

  return (
    <Stack gap="md">
      <Cluster as="p" className="strong" role="status">
        {cancelled ? (
          <>The import of {report.fileName} was cancelled; nothing from it was kept.</>
        ) : undone ? (
          <>
            <Icon name="undo" size={16} /> Import undone: {formatCount(undone.removed, 'contact')} removed
            {undone.reverted > 0 ? `, ${formatCount(undone.reverted, 'contact')} put back as they were` : ''}
            {undone.keptLaterEdits > 0 ? ` (${formatCount(undone.keptLaterEdits, 'later edit')} kept)` : ''}.
          </>
        ) : (
          <>
            <Icon name="check" size={16} /> Imported {report.fileName}.
          </>
        )}
      </Cluster>
      {cancelled ? null : (
        <StatList
          label="Import report"
          items={[
            { label: 'Imported', value: counts.created },
            { label: 'Updated', value: counts.updated },
            { label: 'Skipped', value: counts.skipped },
            { label: 'Failed', value: counts.rejected, danger: counts.rejected > 0 },
          ]}
        />
      )}
      {!cancelled && report.warningCount > 0 ? (
        <section className="exchange-section" aria-labelledby="import-warnings-title">
          <h3 id="import-warnings-title" className="exchange-subtitle">
            Imported with {formatCount(report.warningCount, 'value')} kept as written
          </h3>
          <p className="muted">
            These people were imported. A value Fieldbook could not use is in the contact’s summary as written (“Imported as written: …”), so
            nothing is lost; a placeholder such as “BusinessPhone” was left out.
          </p>
          <WarningTable warnings={report.warnings} />
          {report.warningCount > report.warnings.length ? <p className="muted">… and {report.warningCount - report.warnings.length} more.</p> : null}
        </section>
      ) : null}
      {!cancelled && report.problems.length > 0 ? (
        <Stack as="section" gap="md" aria-labelledby="import-failed-title">
          <h3 id="import-failed-title" className="exchange-subtitle">
            Rows that failed
          </h3>
          <ProblemTable problems={report.problems} />
        </Stack>
      ) : null}
      {error ? (
        <Notice tone="danger" role="alert">
          {error}
        </Notice>
      ) : null}
      <Cluster justify="end">
        {!cancelled && report.hasErrorFile ? (
          <Button icon="download" onClick={() => void downloadErrors()}>
            Download errors as CSV
          </Button>
        ) : null}
        {!cancelled && !undone && counts.created + counts.updated > 0 ? (
          <Button variant="danger" icon="undo" onClick={() => void undo()} busy={undoing} busyLabel="Undoing…">
            Undo this import
          </Button>
        ) : null}
        <Button variant="primary" onClick={onStartOver}>
          Import another file
        </Button>
      </Cluster>
    </Stack>
  );
}
