import type { JobStatus } from '../../../src-shared/domain/exchange';
import { Button } from '../../ui/Button';
import { formatNumber } from '../../ui/format';
import { ProgressBar } from '../../ui/ProgressBar';

const phaseLabels: Record<string, string> = {
  reading: 'Reading the file',
  checking: 'Checking rows',
  writing: 'Writing',
  undoing: 'Taking the import back out',
  database: 'Copying the database',
  files: 'Copying files',
};

interface JobProgressProps {
  label: string;
  status: JobStatus | null;
  onCancel?: (() => void) | undefined;
  cancelling?: boolean;
}

/** A running import, export or backup: what it is doing, how far it is, and a way to stop it. */
export function JobProgress({ label, status, onCancel, cancelling = false }: JobProgressProps) {
  const total = status?.total ?? 0;
  const done = Math.min(status?.done ?? 0, total);
  const phase = status ? (phaseLabels[status.phase] ?? 'Working') : 'Starting';
  return (
    <div className="job-progress">
      <ProgressBar
        label={label}
        phase={cancelling ? 'Cancelling…' : `${phase}…`}
        done={done}
        total={total}
        counts={total > 0 ? `${formatNumber(done)} of ${formatNumber(total)}` : null}
      />
      {onCancel ? (
        <div>
          <Button onClick={onCancel} disabled={cancelling}>
            Cancel
          </Button>
        </div>
      ) : null}
    </div>
  );
}
