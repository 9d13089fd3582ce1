import type { ReactNode } from 'react';
import { cx } from './class-names';
import './Screen.css';

export interface ScreenProps {
  /** form: a column to read down (forms, settings); wide: lists and boards that use the whole window. */
  width?: 'form' | 'default' | 'wide';
  /** A screen that is a list fills the window's height, its grid scrolling inside. */
  fill?: boolean;
  busy?: boolean;
  className?: string;
  children: ReactNode;
}

/** The frame of every routed screen: its width, padding and the space between its parts. */
export function Screen({ width = 'default', fill, busy, className, children }: ScreenProps) {
  return (
    <div className={cx('screen', `screen--${width}`, fill && 'screen--fill', className)} aria-busy={busy || undefined}>
      {children}
    </div>
  );
}
