import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { cx } from './class-names';
import { Icon, type IconName } from './Icon';
import './Button.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'destructive' | 'ghost' | 'link';
export type ButtonSize = 'sm' | 'md';

/** The classes of a button, for the rare <a> or <label> that must look like one (a download, a file picker). */
export function buttonClassName(variant: ButtonVariant = 'secondary', size: ButtonSize = 'md', className?: string): string {
  return cx('button', `button--${variant}`, size === 'sm' && 'button--sm', className);
}

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  /** primary: the one main action of a screen or dialog; danger: deletes (outlined); destructive: confirms a deletion; ghost: low-key; link: looks like a link. */
  variant?: ButtonVariant;
  size?: ButtonSize;
  icon?: IconName;
  /** Submits the form it is in (or names with `form`). */
  submit?: boolean;
  /** Work under way: the button is disabled and says `busyLabel`. */
  busy?: boolean;
  busyLabel?: string;
  children: ReactNode;
}

/**
 * Every text button.
 *   <Button variant="primary" icon="plus" onClick={add}>Add contact</Button>
 *   <Button submit variant="primary" busy={saving} busyLabel="Saving…">Save</Button>
 */
export function Button({ variant = 'secondary', size = 'md', icon, submit, busy = false, busyLabel, className, disabled, children, ...rest }: ButtonProps) {
  return (
    <button type={submit ? 'submit' : 'button'} className={buttonClassName(variant, size, className)} disabled={disabled || busy} {...rest}>
      {icon ? <Icon name={icon} size={size === 'sm' ? 14 : 16} /> : null}
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
