import type { ReactNode } from 'react';
import { cx } from './class-names';
import './Badge.css';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent';

/**
 * A short label in a pill: a status, a stage, a kind. The feature maps its values to a tone
 * (won → success, overdue → danger), so every status in the app speaks the same colours.
 *   <Badge tone="success">Won</Badge>
 */
export function Badge({ tone = 'neutral', title, children }: { tone?: BadgeTone; title?: string; children: ReactNode }) {
  return (
    <span className={cx('badge', `badge--${tone}`)} title={title}>
      {children}
    </span>
  );
}
