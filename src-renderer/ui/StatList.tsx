import { cx } from './class-names';
import { formatNumber } from './format';
import './Stat.css';

export interface StatListItem {
  label: string;
  value: number;
  /** A figure that needs attention (rows that failed). */
  danger?: boolean;
}

/**
 * Counts side by side as a description list, each term with its figure: what an import will do,
 * what it did. <StatList label="Import report" items={[{ label: 'Imported', value: 2 }]} />
 */
export function StatList({ label, items }: { label: string; items: readonly StatListItem[] }) {
  return (
    <dl className="stat-list" aria-label={label}>
      {items.map((item) => (
        <div key={item.label} className={cx('stat', 'stat--compact', item.danger && 'stat--danger')}>
          <dt className="stat__label">{item.label}</dt>
          <dd className="stat__value">{formatNumber(item.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
