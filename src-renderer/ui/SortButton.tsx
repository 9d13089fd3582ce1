import type { ReactNode } from 'react';
import { cx } from './class-names';
import { Icon } from './Icon';
import './SortButton.css';

/**
 * A column header's sort button (VirtualGrid, Table): the arrow shows the direction when sorted
 * and on hover; the header cell around it carries aria-sort.
 */
export function SortButton({ sorted, end, onClick, children }: { sorted: 'asc' | 'desc' | null; end?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className={cx('sort-button', sorted && 'sort-button--active', end && 'sort-button--end')} onClick={onClick}>
      {children}
      <Icon name={sorted === 'desc' ? 'arrowDown' : 'arrowUp'} size={14} />
    </button>
  );
}
