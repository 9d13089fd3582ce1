import type { ElementType, HTMLAttributes, ReactNode } from 'react';
import { cx } from './class-names';
import type { Gap } from './Stack';
import './Stack.css';

export interface ClusterProps extends HTMLAttributes<HTMLElement> {
  gap?: Gap;
  /** The element to draw: 'ul' for a list of badges (a div by default). */
  as?: ElementType;
  /** between: the first part at the start, the rest at the end (a toolbar); end: all at the end (a form's buttons). */
  justify?: 'start' | 'between' | 'end' | 'center';
  children: ReactNode;
}

/**
 * Parts side by side, centred on one line and wrapping when narrow: buttons, badges, a toolbar.
 *   <Cluster justify="end"><Button>Back</Button><Button variant="primary">Next</Button></Cluster>
 */
export function Cluster({ gap = 'sm', justify = 'start', as: Element = 'div', className, children, ...rest }: ClusterProps) {
  return (
    <Element className={cx('cluster', `stack--${gap}`, justify !== 'start' && `cluster--${justify}`, className)} {...rest}>
      {children}
    </Element>
  );
}
