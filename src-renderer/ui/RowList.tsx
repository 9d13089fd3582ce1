import type { ReactNode } from 'react';
import { cx } from './class-names';
import './ListRow.css';

/**
 * A list of rows divided by hairlines: <RowList label="Calls with Ann">{items.map((item) => <li key={…}><ListRow … /></li>)}</RowList>.
 * `boxed` draws a thin frame around it and pads each row: a short list inside a panel or a dialog.
 */
export function RowList({ label, ordered, boxed, children }: { label?: string; ordered?: boolean; boxed?: boolean; children: ReactNode }) {
  const List = ordered ? 'ol' : 'ul';
  return (
    <List className={cx('row-list', boxed && 'row-list--boxed')} aria-label={label}>
      {children}
    </List>
  );
}
