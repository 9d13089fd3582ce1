import './ProgressBar.css';

export interface ProgressBarProps {
  /** The bar's accessible name: "Import progress". */
  label: string;
  /** What is being done, shown above the bar: "Checking rows…". */
  phase: string;
  done: number;
  /** 0 when not known yet: the bar shows a sliver and the phase alone. */
  total: number;
  /** Under way counts: "1,200 of 5,000". */
  counts?: string | null;
}

/** Long work in progress: <ProgressBar label="Backup progress" phase="Copying files…" done={3} total={10} />. */
export function ProgressBar({ label, phase, done, total, counts }: ProgressBarProps) {
  const percent = total > 0 ? Math.round((Math.min(done, total) / total) * 100) : 0;
  return (
    <div className="progress">
      <div className="progress__text">
        <span className="progress__phase">{phase}</span>
        {counts ? <span className="muted">{counts}</span> : null}
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={total > 0 ? `${percent}%` : phase}
        className="progress__track"
      >
        <div className="progress__bar" style={{ width: `${total > 0 ? percent : 4}%` }} />
      </div>
    </div>
  );
}
