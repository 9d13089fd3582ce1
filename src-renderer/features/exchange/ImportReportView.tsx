import { useState } from 'react';
import type { ImportReport, UndoReport } from '../../../src-shared/domain/exchange';
import { api, describeError } from '../../api';
import { formatCount } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { ImportCounts, ProblemList } from './DuplicatesStep';
import { saveTextAsFile } from './hooks';
import { WarningList } from './WarningList';

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
    <div className="import-step">
      <p className="import-outcome" role="status">
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
      </p>
      {cancelled ? null : (
        <ImportCounts
          label="Import report"
          items={[
            { label: 'Imported', value: counts.created },
            { label: 'Updated', value: counts.updated },
            { label: 'Skipped', value: counts.skipped },
            { label: 'Failed', value: counts.rejected, danger: counts.rejected > 0 },
          ]}
        />
      )}
      {!cancelled && report.problems.length > 0 ? (
        <section className="import-step__section" aria-labelledby="import-failed-title">
          <h3 id="import-failed-title" className="import-step__title">
            Rows that failed
          </h3>
          <ProblemList problems={report.problems} />
        </section>
      ) : null}
      {!cancelled && report.warningCount > 0 ? (
        <section className="import-step__section" aria-labelledby="import-warnings-title">
          <h3 id="import-warnings-title" className="import-step__title">
            Imported with {formatCount(report.warningCount, 'value')} kept as written
          </h3>
          <p className="muted">
            These people were imported. A value Fieldbook could not use is in the contact’s summary as written (“Imported as written: …”), so
            nothing is lost; a placeholder such as “BusinessPhone” was left out.
          </p>
          <WarningList warnings={report.warnings} total={report.warningCount} />
        </section>
      ) : null}
      {error ? (
        <p role="alert" className="notice notice--danger">
          {error}
        </p>
      ) : null}
      <div className="import-actions">
        {!cancelled && report.hasErrorFile ? (
          <button type="button" className="button" onClick={() => void downloadErrors()}>
            <Icon name="download" size={16} /> Download errors as CSV
          </button>
        ) : null}
        {!cancelled && !undone && counts.created + counts.updated > 0 ? (
          <button type="button" className="button button--danger" onClick={() => void undo()} disabled={undoing}>
            <Icon name="undo" size={16} /> {undoing ? 'Undoing…' : 'Undo this import'}
          </button>
        ) : null}
        <button type="button" className="button button--primary" onClick={onStartOver}>
          Import another file
        </button>
      </div>
    </div>
  );
}
