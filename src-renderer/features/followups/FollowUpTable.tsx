import { useMemo, useState, type ReactNode } from 'react';
import type { FollowUp, FollowUpSortField } from '../../../src-shared/domain/follow-up';
import { EmptyState } from '../../ui/EmptyState';
import { LoadingState } from '../../ui/LoadingState';
import { VirtualGrid } from '../../ui/VirtualGrid';
import { useAccess } from '../access/access';
import { useFollowUpSelection } from '../bulk/list-selections';
import { useListGrid } from '../views/use-list-grid';
import { followUpColumns } from './follow-up-columns';
import { followUpListOfView, followUpViewState, plainFollowUpSort, plainFollowUpView, type FollowUpTableFilters, type FollowUpTableSort } from './follow-up-view';
import { FollowUpDialog } from './FollowUpDialog';
import { useFollowUpTableRows } from './hooks';

/** Text columns sort A→Z first; times soonest first, except when a thing was done (latest first). */
const descendingFirst: readonly FollowUpSortField[] = ['doneAt', 'createdAt'];

interface FollowUpTableProps {
  filters: FollowUpTableFilters;
  /** A saved view chose another section or scope. */
  onFiltersChange: (filters: FollowUpTableFilters) => void;
  /** Given the column chooser, draws the page header. */
  header: (chooser: ReactNode) => ReactNode;
  /** Given the table, draws the section tabs around it. */
  sections: (table: ReactNode) => ReactNode;
  emptyText: { title: string; body: string };
}

/** The follow-ups of one section as the shared table: columns, sort, saved views, selection and bulk actions. */
export function FollowUpTable({ filters, onFiltersChange, header, sections, emptyText }: FollowUpTableProps) {
  const [sort, setSort] = useState<FollowUpTableSort>(plainFollowUpSort);
  const [editing, setEditing] = useState<FollowUp | null>(null);
  const { rows, snapshot, request, now } = useFollowUpTableRows(filters, sort);
  const { canEdit } = useAccess();
  const columns = useMemo(() => followUpColumns(now, canEdit), [now, canEdit]);
  const bulk = useFollowUpSelection({ rows, snapshot, request });
  const list = useListGrid({
    listId: 'followups',
    label: 'Follow-ups',
    columns,
    bulk,
    plainLabel: 'All follow-ups',
    plain: plainFollowUpView,
    viewState: (layout) => followUpViewState(filters, sort, layout),
    onApplyView: (state) => {
      const fromView = followUpListOfView(state);
      onFiltersChange(fromView.filters);
      setSort(fromView.sort);
    },
  });
  const toggleSort = (field: FollowUpSortField) =>
    setSort((current) =>
      current.field === field
        ? { field, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { field, direction: descendingFirst.includes(field) ? 'desc' : 'asc' },
    );

  const total = snapshot.total;
  let body;
  if (total === null) body = <LoadingState label="Loading follow-ups…" size="block" />;
  else if (total === 0 && !snapshot.failed) {
    body = (
      <EmptyState icon={filters.view === 'done' ? 'check' : 'bell'} title={emptyText.title}>
        <p>{emptyText.body}</p>
      </EmptyState>
    );
  } else {
    body = <VirtualGrid {...list.grid} rows={rows} snapshot={snapshot} rowHeight={48} sort={sort} onSort={toggleSort} onOpen={setEditing} />;
  }

  return (
    <>
      {header(list.chooser)}
      {sections(list.frame(null, body))}
      {editing ? <FollowUpDialog followUp={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
