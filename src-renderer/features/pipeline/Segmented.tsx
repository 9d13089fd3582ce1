import { useId } from 'react';

interface SegmentedProps<T extends string> {
  /** The group's accessible name (visually hidden: the options say enough on screen). */
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
}

/** A row of radio buttons drawn as a segmented control (styles.css .segmented); arrows move between them. */
export function Segmented<T extends string>({ label, options, labels, value, onChange }: SegmentedProps<T>) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">{label}</legend>
      {options.map((option) => (
        <label key={option} className="segmented__option">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          <span>{labels[option]}</span>
        </label>
      ))}
    </fieldset>
  );
}
