import type { SelectHTMLAttributes } from 'react';
import { cx } from './class-names';
import './Field.css';

export interface SelectOption<T extends string = string> {
  value: T;
  label: string;
  disabled?: boolean;
}

export interface SelectOptionGroup<T extends string = string> {
  label: string;
  options: readonly SelectOption<T>[];
}

/** Options from values, labelled from a record or by the values themselves, first letter capitalised. */
export function toOptions<T extends string>(values: readonly T[], labels?: Partial<Record<T, string>>): SelectOption<T>[] {
  return values.map((value) => ({ value, label: labels?.[value] ?? value.charAt(0).toUpperCase() + value.slice(1) }));
}

export interface SelectProps<T extends string> extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'size'> {
  value: T | '';
  options: readonly SelectOption<T>[];
  /** Option groups after `options` (<optgroup>). */
  groups?: readonly SelectOptionGroup<T>[];
  onChange: (value: T) => void;
  /** A first option with the value '': "Any type", "Not set". */
  emptyOption?: string;
  /** A first option that cannot be chosen back: "Choose an outcome". */
  placeholder?: string;
  /** sm for filter bars. */
  size?: 'sm' | 'md';
}

/**
 * A native select over a list of options. Inside a Field spread the control props on it; alone
 * (a table cell) give it an aria-label. For a labelled one use SelectField.
 */
export function Select<T extends string>({ value, options, groups = [], onChange, emptyOption, placeholder, size = 'md', className, ...select }: SelectProps<T>) {
  const option = (item: SelectOption<T>) => (
    <option key={item.value} value={item.value} disabled={item.disabled}>
      {item.label}
    </option>
  );
  return (
    <select {...select} className={cx('input', 'input--select', size === 'sm' && 'input--sm', className)} value={value} onChange={(event) => onChange(event.target.value as T)}>
      {placeholder !== undefined ? (
        <option value="" disabled>
          {placeholder}
        </option>
      ) : null}
      {emptyOption !== undefined ? <option value="">{emptyOption}</option> : null}
      {options.map(option)}
      {groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.options.map(option)}
        </optgroup>
      ))}
    </select>
  );
}
