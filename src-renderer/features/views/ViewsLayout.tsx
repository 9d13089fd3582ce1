import { useMemo, type ReactNode } from 'react';
import { ViewsPanel, type ViewsPanelProps } from './ViewsPanel';
import './views.css';

interface ViewsLayoutProps extends Omit<ViewsPanelProps, 'columnIds'> {
  /** The list's columns, as given to VirtualGrid. */
  columns: readonly { id: string }[];
  children: ReactNode;
}

/**
 * A list screen with its saved views beside the table: the panel on the left, the filters and the
 * grid (children) on the right.
 *   <ViewsLayout listId="calls" plainLabel="All calls" current={state} plain={plainCallView} columns={columns} onApply={apply}>…</ViewsLayout>
 */
export function ViewsLayout({ columns, children, ...panel }: ViewsLayoutProps) {
  const columnIds = useMemo(() => columns.map((column) => column.id), [columns]);
  return (
    // The outer box is measured (a container query), the inner one laid out by what it measures.
    <div className="views-frame">
      <div className="views-layout">
        <ViewsPanel {...panel} columnIds={columnIds} />
        <div className="views-layout__main">{children}</div>
      </div>
    </div>
  );
}
