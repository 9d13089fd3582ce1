import { useEffect, useState } from 'react';
import type { ImportBatchSummary } from '../../../src-shared/domain/exchange';
import { api, describeError } from '../../api';
import { formatCount, formatDateTime } from '../../ui/format';
import { Icon } from '../../ui/Icon';

/** Past imports, newest first, each one undoable until it has been undone. */
export function ImportHistory({ reloadKey }: { reloadKey: number }) {
  const [batches, setBatches] = useState<ImportBatchSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [undoing, setUndoing] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    api.invoke('exchange.listImports', {}).then(
      (found) => live && setBatches(found),
      (caught: unknown) => live && setError(`Past imports could not be read. ${describeError(caught)}`),
    );
    return () => {
      live = false;
    };
  }, [reloadKey, reload]);

  const undo = async (batch: ImportBatchSummary) => {
    setError(null);
    setMessage(null);
    setUndoing(batch.batchId);
    try {
      const result = await api.invoke('exchange.undoImport', { batchId: batch.batchId });
      setMessage(
        `Import of ${batch.fileName} undone: ${formatCount(result.removed, 'contact')} removed` +
          (result.reverted > 0 ? `, ${formatCount(result.reverted, 'contact')} put back as they were.` : '.'),
      );
      setReload((key) => key + 1);
    } catch (caught) {
      setError(`The import could not be undone. ${describeError(caught)}`);
    } finally {
      setUndoing(null);
    }
  };

  if (!batches || (batches.length === 0 && !error)) return null;
  return (
    <section className="import-step__section" aria-labelledby="import-history-title">
      <h3 id="import-history-title" className="import-step__title">
        Recent imports
      </h3>
      {error ? (
        <p role="alert" className="notice notice--danger">
          {error}
        </p>
      ) : null}
      {message ? (
        <p role="status" className="import-outcome">
          <Icon name="undo" size={16} /> {message}
        </p>
      ) : null}
      <ul className="backup-list" aria-label="Recent imports">
        {batches.slice(0, 5).map((batch) => (
          <li key={batch.batchId} className="backup-list__item">
            <span>
              <strong>{batch.fileName}</strong>{' '}
              <span className="muted">
                · {formatDateTime(batch.startedAt)} · {formatCount(batch.counts.created, 'contact')} created
                {batch.counts.updated > 0 ? `, ${batch.counts.updated} updated` : ''}
              </span>
            </span>
            {batch.undoneAt ? (
              <span className="badge">Undone</span>
            ) : (
              <button
                type="button"
                className="button button--small"
                onClick={() => void undo(batch)}
                disabled={undoing !== null}
                aria-label={`Undo the import of ${batch.fileName}`}
              >
                <Icon name="undo" size={14} /> {undoing === batch.batchId ? 'Undoing…' : 'Undo'}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
