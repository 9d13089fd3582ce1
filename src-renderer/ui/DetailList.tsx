import type { ReactNode } from 'react';
import './DetailList.css';

export interface Detail {
  term: string;
  /** Absent: "Not set" in grey. */
  value: ReactNode;
}

/**
 * Facts about a thing as terms and their values, in two columns.
 *   <DetailList items={[{ term: 'Owner', value: contact.owner || null }]} />
 */
export function DetailList({ items, className }: { items: readonly Detail[]; className?: string }) {
  return (
    <dl className={className ? `detail-list ${className}` : 'detail-list'}>
      {items.map((item) => (
        <div key={item.term} className="detail-list__item">
          <dt>{item.term}</dt>
          <dd>{item.value ?? <span className="muted">Not set</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
