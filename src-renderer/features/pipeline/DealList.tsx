import { useMemo, useState } from 'react';
import type { Deal, Stage } from '../../../src-shared/domain/pipeline';
import { Button } from '../../ui/Button';
import { formatDate, formatNumber } from '../../ui/format';
import { SelectField } from '../../ui/SelectField';
import { Table, type TableColumn } from '../../ui/Table';
import { Cluster } from '../../ui/Cluster';
import { Stack } from '../../ui/Stack';
import { sortDeals, type DealSort, type DealSortField } from './board-model';
import type { Board } from './hooks';
import { money, percent } from './pipeline-format';
import { StagePill } from './StagePill';

interface DealListProps {
  board: Board;
  /** Only this stage's deals; null for all. */
  stageId: string | null;
  onStageChange: (stageId: string | null) => void;
  onOpenDeal: (deal: Deal) => void;
}

const textFields: readonly DealSortField[] = ['title', 'owner', 'stage'];
const none = <span className="muted">—</span>;

/** The board's deals as a sortable table, drawn a screen at a time so thousands of rows stay quick. */
export function DealList({ board, stageId, onStageChange, onOpenDeal }: DealListProps) {
  const [sort, setSort] = useState<DealSort>({ field: 'updatedAt', direction: 'desc' });
  const stages = board.pipeline.stages;
  const shown = stageId === null ? board.columns : board.columns.filter((column) => column.stage.id === stageId);
  const total = shown.reduce((sum, column) => sum + column.count, 0);
  const deals = useMemo(() => sortDeals(shown.flatMap((column) => column.deals), sort, stages), [shown, sort, stages]);
  const stageById = new Map<string, Stage>(stages.map((stage) => [stage.id, stage]));

  // Fixed widths for the figures; the deal (its title over its contact) takes what is left.
  const columns: TableColumn<Deal>[] = [
    {
      id: 'title',
      header: 'Deal',
      sortable: true,
      cell: (deal) => (
        <Stack as="span" gap="none">
          <Button variant="link" className="deal-cell__title truncate" onClick={() => onOpenDeal(deal)}>
            {deal.title}
          </Button>
          <span className="meta truncate">{deal.contactName || 'Deleted contact'}</span>
        </Stack>
      ),
    },
    {
      id: 'stage',
      header: 'Stage',
      width: '160px',
      sortable: true,
      cell: (deal) => {
        const stage = stageById.get(deal.stageId);
        return <StagePill name={stage?.name ?? '—'} outcome={stage?.outcome ?? 'open'} />;
      },
    },
    { id: 'valueMinor', header: 'Value', width: '116px', align: 'end', sortable: true, cell: (deal) => money(deal.valueMinor, deal.currency) },
    { id: 'probabilityBp', header: 'Probability', width: '136px', align: 'end', sortable: true, cell: (deal) => percent(deal.probabilityBp) },
    {
      id: 'weighted',
      header: 'Weighted',
      width: '116px',
      align: 'end',
      sortable: true,
      cell: (deal) => money(Math.round((deal.valueMinor * deal.probabilityBp) / 10_000), deal.currency),
    },
    { id: 'expectedCloseAt', header: 'Expected close', width: '138px', sortable: true, cell: (deal) => (deal.expectedCloseAt === null ? none : formatDate(deal.expectedCloseAt)) },
    { id: 'owner', header: 'Owner', width: '120px', sortable: true, cell: (deal) => deal.owner || none },
    { id: 'updatedAt', header: 'Last changed', width: '130px', sortable: true, cell: (deal) => formatDate(deal.updatedAt) },
  ];

  const toggle = (id: string) => {
    const field = id as DealSortField;
    setSort((current) => ({
      field,
      direction: current.field === field ? (current.direction === 'asc' ? 'desc' : 'asc') : textFields.includes(field) ? 'asc' : 'desc',
    }));
  };

  return (
    <Stack gap="sm" className="deal-list">
      <Cluster gap="md">
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
          {deals.length < total ? `Showing the newest ${formatNumber(deals.length)} of ${formatNumber(total)} deals` : `${formatNumber(total)} ${total === 1 ? 'deal' : 'deals'}`}
        </p>
      </Cluster>
      <Table
        caption={`Deals in ${board.pipeline.name}`}
        columns={columns}
        rows={deals}
        rowKey={(deal) => deal.id}
        sort={{ columnId: sort.field, direction: sort.direction }}
        onSort={toggle}
        virtualRowHeight={48}
        empty={`No deals ${stageId ? 'in this stage' : 'in this pipeline'} yet.`}
      />
    </Stack>
  );
}
