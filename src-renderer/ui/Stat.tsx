import type { ReactNode } from 'react';
import { cx } from './class-names';
import { Icon, type IconName } from './Icon';
import './Stat.css';

export interface StatProps {
  label: ReactNode;
  value: ReactNode;
  /** What the figure means, under it. */
  detail?: ReactNode;
  icon?: IconName;
  /** danger and warning colour the figure (overdue, due today); success a good result. */
  tone?: 'neutral' | 'danger' | 'warning' | 'success';
}

/**
 * A key figure in a tile. Put it in whatever names it for assistive technology: a list item, a
 * link to the list behind the number.
 *   <li><Stat label="Open deals" value="12" detail="all pipelines" /></li>
 */
export function Stat({ label, value, detail, icon, tone = 'neutral' }: StatProps) {
  return (
    <span className={cx('stat', `stat--${tone}`)}>
      <span className="stat__label">
        {icon ? <Icon name={icon} size={16} /> : null}
        {label}
      </span>
      <span className="stat__value">{value}</span>
      {detail ? <span className="stat__detail">{detail}</span> : null}
    </span>
  );
}
