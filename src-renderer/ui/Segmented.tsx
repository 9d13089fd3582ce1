import { useId } from 'react';
import { cx } from './class-names';
import './Field.css';
import './Segmented.css';

export interface SegmentedProps<T extends string> {
  /** The group's name; shown above the options with showLabel, otherwise only read out. */
  label: string;
  showLabel?: boolean;
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
  disabled?: boolean;
}

/**
 * One choice among a few, drawn as a segmented control: native radio buttons, so the arrow keys
 * move between them and each option is a radio named by its words.
 *   <Segmented label="View" options={['board', 'list']} labels={{ board: 'Board', list: 'List' }} value={view} onChange={setView} />
 */
export function Segmented<T extends string>({ label, showLabel, options, labels, value, onChange, disabled }: SegmentedProps<T>) {
  const name = useId();
  return (
    <fieldset className={cx('segmented', showLabel && 'segmented--labelled')}>
      <legend className={showLabel ? 'field__label' : 'visually-hidden'}>{label}</legend>
      <div className="segmented__track">
        {options.map((option) => (
          <label key={option} className="segmented__option">
            <input type="radio" name={name} value={option} checked={value === option} disabled={disabled} onChange={() => onChange(option)} />
            <span>{labels[option]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
