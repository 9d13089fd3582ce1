import type { ButtonHTMLAttributes } from 'react';
import { cx } from './class-names';
import { Icon, type IconName } from './Icon';
import './Button.css';

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'children'> {
  /** The accessible name: an icon alone says nothing to a screen reader. */
  label: string;
  icon: IconName;
  size?: 'sm' | 'md';
  /** On the dark toast and sidebar. */
  inverse?: boolean;
}

/** A square button with only an icon: <IconButton icon="trash" label={`Delete ${file.name}`} onClick={remove} />. */
export function IconButton({ label, icon, size = 'md', inverse, className, ...rest }: IconButtonProps) {
  return (
    <button type="button" aria-label={label} className={cx('icon-button', size === 'sm' && 'icon-button--sm', inverse && 'icon-button--inverse', className)} {...rest}>
      <Icon name={icon} size={size === 'sm' ? 14 : 16} />
    </button>
  );
}
