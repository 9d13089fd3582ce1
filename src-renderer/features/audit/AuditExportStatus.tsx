import { describeError } from '../../api';
import { Button } from '../../ui/Button';
import { Cluster } from '../../ui/Cluster';
import { formatCount, formatNumber } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { ProgressBar } from '../../ui/ProgressBar';
import type { AuditExport } from './use-audit-export';

/** The export under way (with Cancel), or how it ended. */
export function AuditExportStatus({ progress, onCancel }: { progress: AuditExport; onCancel: () => void }) {
  switch (progress.state) {
    case 'idle':
      return null;
    case 'running':
      return (
        <Cluster className="audit-export">
          <ProgressBar
            label="Export progress"
            phase="Exporting the audit trail…"
            done={progress.done}
            total={progress.total}
            counts={progress.total > 0 ? `${formatNumber(progress.done)} of ${formatNumber(progress.total)}` : null}
          />
          <Button size="sm" onClick={onCancel}>
            Cancel export
          </Button>
        </Cluster>
      );
    case 'done':
      return (
        <Notice tone="success" icon="check" role="status">
          Exported {formatCount(progress.rows, 'change')} to {progress.fileName}.
        </Notice>
      );
    case 'cancelled':
      return (
        <Notice tone="info" role="status">
          Export cancelled after {formatCount(progress.done, 'change')}; nothing was saved.
        </Notice>
      );
    case 'failed':
      return (
        <Notice tone="danger" role="alert">
          The export did not finish: {describeError(progress.error)}
        </Notice>
      );
  }
}
