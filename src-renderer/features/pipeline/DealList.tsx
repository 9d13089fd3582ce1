import { useMemo, useState } from 'react';
import type { Deal, DealListQuery, DealSortField } from '../../../src-shared/domain/pipeline';
import { api } from '../../api';
import { Cluster } from '../../ui/Cluster';
import { EmptyState } from '../../ui/EmptyState';
import { formatCount } from '../../ui/format';
import { contactsChanged, pipelinesChanged } from '../../ui/live-events';
import { LoadingState } from '../../ui/LoadingState';
import { SelectField } from '../../ui/SelectField';
import { usePagedRows } from '../../ui/use-paged-rows';
import { VirtualGrid } from '../../ui/VirtualGrid';
import { useDealSelection } from '../bulk/list-selections';
import { useListGrid } from '../views/use-list-grid';
import { dealColumns } from './deal-columns';
import { dealListOfView, dealViewState, plainDealSort, plainDealView, type DealSort } from './deal-view';
import type { Board } from './hooks';

interface DealListProps {
  board: Board;
  /** Only this stage's deals; null for all. */
  stageId: string | null;
  onStageChange: (stageId: string | null) => void;
  onOpenDeal: (deal: Deal) => void;
}

/** Text sorts A→Z first; figures and dates largest and latest first. */
const ascendingFirst: readonly DealSortField[] = ['title', 'contact', 'owner', 'stage'];

function fetchDealPage(request: DealListQuery, offset: number, limit: number) {
  return api.invoke('deals.list', { ...request, offset, limit });
}

/**
 * The pipeline's deals as the shared table, a page at a time from the core: columns, sort by any
 * of them, saved views, selection and bulk actions. The board beside it stays as it is.
 */
export function DealList({ board, stageId, onStageChange, onOpenDeal }: DealListProps) {
  const [sort, setSort] = useState<DealSort>(plainDealSort);
  const { pipeline } = board;
  const stages = pipeline.stages;
  const request = useMemo<DealListQuery>(() => ({ pipelineId: pipeline.id, ...(stageId ? { stageId } : {}), sort }), [pipeline.id, stageId, sort]);
  const reloadOn = useMemo(() => [pipelinesChanged(pipeline.id), contactsChanged()], [pipeline.id]);
  const { rows, snapshot } = usePagedRows(fetchDealPage, request, { reloadOn });
  const columns = useMemo(() => dealColumns(stages), [stages]);
  const bulk = useDealSelection({ rows, snapshot, request }, stages);
  const list = useListGrid({
    listId: 'deals',
    label: `Deals in ${pipeline.name}`,
    columns,
    bulk,
    plainLabel: 'All deals',
    plain: plainDealView,
    viewState: (layout) => dealViewState(stageId, sort, layout),
    onApplyView: (state) => {
      const fromView = dealListOfView(state);
      // A view saved on another pipeline names a stage this one does not have: all stages, then.
      onStageChange(stages.some((stage) => stage.id === fromView.stageId) ? fromView.stageId : null);
      setSort(fromView.sort);
    },
  });
  const toggleSort = (field: DealSortField) =>
    setSort((current) =>
      current.field === field ? { field, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { field, direction: ascendingFirst.includes(field) ? 'asc' : 'desc' },
    );

  const total = snapshot.total;
  let body;
  if (total === null) body = <LoadingState label="Loading deals…" size="block" />;
  else if (total === 0 && !snapshot.failed) {
    body = (
      <EmptyState icon="pipeline" title={stageId ? 'No deals in this stage' : 'No deals in this pipeline yet'}>
        <p>Add a deal from a contact, or with “New deal”, and follow it from the first call to the money in the bank.</p>
      </EmptyState>
    );
  } else {
    body = <VirtualGrid {...list.grid} rows={rows} snapshot={snapshot} rowHeight={52} sort={sort} onSort={toggleSort} onOpen={onOpenDeal} />;
  }

  const filters = (
    <Cluster gap="md" className="deal-list__filters">
      <SelectField
        label="Stage"
        hideLabel
        size="sm"
        emptyOption="All stages"
        options={stages.map((stage) => ({ value: stage.id, label: stage.name }))}
        value={stageId ?? ''}
        onChange={(id) => onStageChange(id || null)}
      />
      <p className="muted" aria-live="polite">
        {total === null ? 'Loading deals…' : formatCount(total, 'deal')}
      </p>
      <span className="deal-list__chooser">{list.chooser}</span>
    </Cluster>
  );
  return <div className="deal-list">{list.frame(filters, body)}</div>;
}
