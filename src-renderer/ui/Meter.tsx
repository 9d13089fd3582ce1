import { cx } from './class-names';
import './ProgressBar.css';

export interface MeterProps {
  /** The accessible name: "Lead score". */
  label: string;
  value: number;
  max?: number;
  /** What the value means, read out: "72 of 100, grade B". */
  valueText?: string;
  tone?: 'primary' | 'success' | 'warning' | 'muted';
}

/** A value within a range as a thin bar (not progress of work: ProgressBar is for that). */
export function Meter({ label, value, max = 100, valueText, tone = 'primary' }: MeterProps) {
  return (
    <div role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} aria-valuetext={valueText} className="progress__track">
      <span className={cx('progress__bar', `progress__bar--${tone}`)} style={{ width: `${Math.max(0, Math.min(100, (value / max) * 100))}%` }} />
    </div>
  );
}
