import type { CSSProperties, ElementType, HTMLAttributes, ReactNode } from 'react';
import { cx } from './class-names';
import type { Gap } from './Stack';
import './Stack.css';

export interface GridProps extends HTMLAttributes<HTMLElement> {
  /** The narrowest a column may be, in px: as many columns as fit, all as wide. */
  min: number;
  gap?: Gap;
  /** The element to draw: 'ul' for a list of tiles (a div by default). */
  as?: ElementType;
  children: ReactNode;
}

/**
 * Tiles in as many equal columns as fit, one column on a narrow window: figures, charts, cards.
 *   <Grid min={280} gap="md">…stat tiles…</Grid>
 */
export function Grid({ min, gap = 'md', as: Element = 'div', className, style, children, ...rest }: GridProps) {
  const sized = { ...style, '--grid-min': `${min}px` } as CSSProperties;
  return (
    <Element className={cx('layout-grid', `stack--${gap}`, className)} style={sized} {...rest}>
      {children}
    </Element>
  );
}
