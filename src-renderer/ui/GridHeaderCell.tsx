import type { ReactNode } from 'react';
import { ColumnResizeHandle } from './ColumnResizeHandle';
import { SortButton } from './SortButton';
import { useElementWidth } from './use-element-width';

interface GridHeaderCellProps {
  label: string;
  className: string;
  /** How the grid is sorted by this column, when it is. */
  sorted: 'asc' | 'desc' | null;
  /** Present for a sortable column: the header is a button. */
  onSort?: (() => void) | undefined;
  end?: boolean | undefined;
  /** Present when the columns can be resized. */
  resize?: { drag: (width: number) => void; commit: (width: number | null) => void } | undefined;
  /** Drawn instead of the name (a select-all checkbox); the label stays the column's name. */
  children?: ReactNode;
}

/** One header of VirtualGrid: the column's name (a sort button when sortable) and its resize edge. */
export function GridHeaderCell({ label, className, sorted, onSort, end, resize, children }: GridHeaderCellProps) {
  const { ref, width } = useElementWidth<HTMLDivElement>(120);
  return (
    <div
      ref={ref}
      role="columnheader"
      aria-sort={sorted === null ? undefined : sorted === 'asc' ? 'ascending' : 'descending'}
      className={className}
    >
      {children !== undefined ? (
        children
      ) : onSort ? (
        <SortButton sorted={sorted} end={end} onClick={onSort}>
          {label}
        </SortButton>
      ) : (
        label
      )}
      {resize ? <ColumnResizeHandle columnLabel={label} width={width} onDrag={resize.drag} onCommit={resize.commit} /> : null}
    </div>
  );
}
