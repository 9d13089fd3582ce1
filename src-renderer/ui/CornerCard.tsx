import type { ElementType, HTMLAttributes, ReactNode } from 'react';
import { cx } from './class-names';
import './CornerCard.css';

type Tone = 'info' | 'success' | 'warning' | 'danger';

/**
 * The window's bottom-right corner, where what needs attention now stacks above the screen:
 * follow-ups falling due, an incoming call.
 *   <CornerStack as="section" aria-label="Reminders"><CornerCard tone="warning">…</CornerCard></CornerStack>
 */
export function CornerStack({ as: Element = 'div', className, children, ...rest }: HTMLAttributes<HTMLElement> & { as?: ElementType; children: ReactNode }) {
  return (
    <Element className={cx('corner-stack', className)} {...rest}>
      {children}
    </Element>
  );
}

export interface CornerCardProps extends HTMLAttributes<HTMLElement> {
  /** The colour of the card's left edge: what kind of news it is. */
  tone: Tone;
  /** The element to draw: 'aside' for an interruption (an article by default). */
  as?: ElementType;
  children: ReactNode;
}

/** A raised card in the CornerStack; lay out its inside with its own class. */
export function CornerCard({ tone, as: Element = 'article', className, children, ...rest }: CornerCardProps) {
  return (
    <Element className={cx('corner-card', `tone-${tone}`, className)} {...rest}>
      {children}
    </Element>
  );
}
