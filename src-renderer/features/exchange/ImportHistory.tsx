import { useState } from 'react';
import type { ImportBatchSummary } from '../../../src-shared/domain/exchange';
import { api, describeError } from '../../api';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { formatCount, formatDateTime } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useImportHistory } from './hooks';

/** Past imports, newest first, each one undoable until it has been undone. */
export function ImportHistory({ reloadKey }: { reloadKey: number }) {
  const history = useImportHistory(reloadKey);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [undoing, setUndoing] = useState<string | null>(null);
  const batches = history.latest;

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
      history.reload();
    } catch (caught) {
      setError(`The import could not be undone. ${describeError(caught)}`);
    } finally {
      setUndoing(null);
    }
  };

  const failed = history.status === 'failed' ? 'Past imports could not be read.' : null;
  if (!failed && (!batches || batches.length === 0)) return null;
  return (
    <section className="exchange-section" aria-labelledby="import-history-title">
      <h3 id="import-history-title" className="exchange-subtitle">
        Recent imports
      </h3>
      {error || failed ? (
        <Notice tone="danger" role="alert">
          {error ?? failed}
        </Notice>
      ) : null}
      {message ? (
        <Notice tone="success" role="status" icon="undo">
          {message}
        </Notice>
      ) : null}
      <ul className="exchange-list" aria-label="Recent imports">
        {(batches ?? []).slice(0, 5).map((batch) => (
          <li key={batch.batchId} className="exchange-list__item">
            <span>
              <strong>{batch.fileName}</strong>{' '}
              <span className="muted">
                · {formatDateTime(batch.startedAt)} · {formatCount(batch.counts.created, 'contact')} created
                {batch.counts.updated > 0 ? `, ${batch.counts.updated} updated` : ''}
              </span>
            </span>
            {batch.undoneAt ? (
              <Badge>Undone</Badge>
            ) : (
              <Button
                size="sm"
                icon="undo"
                onClick={() => void undo(batch)}
                disabled={undoing !== null}
                busy={undoing === batch.batchId}
                busyLabel="Undoing…"
                aria-label={`Undo the import of ${batch.fileName}`}
              >
                Undo
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
