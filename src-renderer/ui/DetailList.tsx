import type { ReactNode } from 'react';
import { cx } from './class-names';
import './DetailList.css';

export interface Detail {
  term: string;
  /** Absent: "Not set" in grey. */
  value: ReactNode;
}

export interface DetailListProps {
  items: readonly Detail[];
  /** 'stacked': each term above its value, for values that need the whole width (lists, forms). */
  layout?: 'columns' | 'stacked';
  className?: string;
}

/**
 * Facts about a thing as terms and their values, in two columns (or stacked).
 *   <DetailList items={[{ term: 'Owner', value: contact.owner || null }]} />
 */
export function DetailList({ items, layout = 'columns', className }: DetailListProps) {
  return (
    <dl className={cx('detail-list', layout === 'stacked' && 'detail-list--stacked', className)}>
      {items.map((item) => (
        <div key={item.term} className="detail-list__item">
          <dt>{item.term}</dt>
          <dd>{item.value ?? <span className="muted">Not set</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
