import type { ReactNode } from 'react';
import './FilterBar.css';

/**
 * The search box and filters above a list, as one search landmark: a SearchBox on its own line
 * (when given), then a wrapping row of small controls (SelectField size="sm", Segmented, Checkbox
 * variant="chip", a "Clear filters" button).
 *   <FilterBar label="Filter calls">…controls…</FilterBar>
 */
export function FilterBar({ label, search, children }: { label: string; search?: ReactNode; children: ReactNode }) {
  return (
    <div className="filter-bar" role="search" aria-label={label}>
      {search}
      <div className="filter-bar__row">{children}</div>
    </div>
  );
}
