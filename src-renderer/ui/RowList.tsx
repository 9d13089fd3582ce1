import type { ReactNode } from 'react';
import './ListRow.css';

/** A list of rows divided by hairlines: <RowList label="Calls with Ann">{items.map((item) => <li key={…}><ListRow … /></li>)}</RowList>. */
export function RowList({ label, ordered, children }: { label?: string; ordered?: boolean; children: ReactNode }) {
  const List = ordered ? 'ol' : 'ul';
  return (
    <List className="row-list" aria-label={label}>
      {children}
    </List>
  );
}
