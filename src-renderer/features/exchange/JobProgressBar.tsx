import type { JobStatus } from '../../../src-shared/domain/exchange';
import { formatNumber } from '../../ui/format';

const phaseLabels: Record<string, string> = {
  reading: 'Reading the file',
  checking: 'Checking rows',
  writing: 'Writing',
  undoing: 'Taking the import back out',
  database: 'Copying the database',
  files: 'Copying files',
};

interface JobProgressBarProps {
  label: string;
  status: JobStatus | null;
  onCancel?: (() => void) | undefined;
  cancelling?: boolean;
}

/** A running job: what it is doing, how far it is, and a way to stop it. */
export function JobProgressBar({ label, status, onCancel, cancelling = false }: JobProgressBarProps) {
  const total = status?.total ?? 0;
  const done = Math.min(status?.done ?? 0, total);
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  const phase = status ? (phaseLabels[status.phase] ?? 'Working') : 'Starting';
  return (
    <div className="job-progress">
      <div className="job-progress__text">
        <span className="job-progress__phase">{cancelling ? 'Cancelling…' : `${phase}…`}</span>
        <span className="muted">{total > 0 ? `${formatNumber(done)} of ${formatNumber(total)}` : null}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={total > 0 ? `${percent}%` : phase}
        className="job-progress__track"
      >
        <div className="job-progress__bar" style={{ width: `${total > 0 ? percent : 4}%` }} />
      </div>
      {onCancel ? (
        <div>
          <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
            Cancel
          </button>
        </div>
      ) : null}
    </div>
  );
}
