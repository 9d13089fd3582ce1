import type { ElementType, FormHTMLAttributes, HTMLAttributes, ReactNode } from 'react';
import { cx } from './class-names';
import './Stack.css';

export type Gap = '2xs' | 'xs' | 'sm' | 'md' | 'lg';

export interface StackProps extends HTMLAttributes<HTMLElement>, Pick<FormHTMLAttributes<HTMLFormElement>, 'noValidate'> {
  /** The space between the parts: lg between cards, md inside a card, sm and xs for tight groups. */
  gap?: Gap | 'none';
  /** The element to draw: 'form', 'section', 'ul'… (a div by default). */
  as?: ElementType;
  /** start: each part as wide as it needs (a button under a list), not the whole width. */
  align?: 'stretch' | 'start';
  children: ReactNode;
}

/**
 * Parts one under the other with the space of the scale between them: the layout of most panels.
 *   <Stack gap="md">…</Stack>   <Stack as="form" onSubmit={save}>…cards…</Stack>
 */
export function Stack({ gap = 'lg', as: Element = 'div', align = 'stretch', className, children, ...rest }: StackProps) {
  return (
    <Element className={cx('stack', gap !== 'none' && `stack--${gap}`, align === 'start' && 'stack--start', className)} {...rest}>
      {children}
    </Element>
  );
}
