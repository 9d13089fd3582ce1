import type { ReactNode } from 'react';
import { cx } from './class-names';
import { Icon, type IconName } from './Icon';
import './Checkbox.css';

export interface CheckboxProps {
  label: ReactNode;
  /** A line under the label saying what ticking it means. */
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** chip: a toggle in a filter bar, drawn like a button that stays pressed. */
  variant?: 'plain' | 'chip';
  icon?: IconName;
  disabled?: boolean;
}

/** A labelled checkbox: <Checkbox label="Do not contact" hint="They asked not to be called." checked={…} onChange={…} /> */
export function Checkbox({ label, hint, checked, onChange, variant = 'plain', icon, disabled }: CheckboxProps) {
  return (
    <label className={cx('checkbox', `checkbox--${variant}`)}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
      {icon ? <Icon name={icon} size={14} /> : null}
      <span className="checkbox__text">
        {label}
        {hint ? <span className="checkbox__hint">{hint}</span> : null}
      </span>
    </label>
  );
}
