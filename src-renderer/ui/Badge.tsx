import type { ReactNode } from 'react';
import { cx } from './class-names';
import './Badge.css';

/** The meaning colours of tokens.css, set by the tone-* classes of base.css. */
export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent';
export type BadgeTone = Tone;

/**
 * A short label in a pill: a status, a stage, a kind. The feature maps its values to a tone
 * (won → success, overdue → danger), so every status in the app speaks the same colours.
 *   <Badge tone="success">Won</Badge>
 */
export function Badge({ tone = 'neutral', title, children }: { tone?: BadgeTone; title?: string; children: ReactNode }) {
  return (
    <span className={cx('badge', `tone-${tone}`)} title={title}>
      {children}
    </span>
  );
}
