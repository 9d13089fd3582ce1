import type { Deal, DealSortField, Stage } from '../../../src-shared/domain/pipeline';
import { formatDate } from '../../ui/format';
import { Stack } from '../../ui/Stack';
import type { GridColumn } from '../../ui/VirtualGrid';
import { money, percent } from './pipeline-format';
import { StagePill } from './StagePill';

const none = <span className="muted">—</span>;

/** The deals list's columns; the deal (its title over its contact) takes what the figures leave. */
export function dealColumns(stages: readonly Stage[]): GridColumn<Deal, DealSortField>[] {
  const stageById = new Map(stages.map((stage) => [stage.id, stage]));
  return [
    {
      id: 'title',
      label: 'Deal',
      width: 'minmax(180px, 1.6fr)',
      sortField: 'title',
      cell: (deal) => (
        <Stack as="span" gap="none">
          <span className="strong truncate">{deal.title}</span>
          <span className="meta truncate">{deal.contactName || 'Deleted contact'}</span>
        </Stack>
      ),
    },
    { id: 'contact', label: 'Contact', width: 'minmax(120px, 1fr)', sortField: 'contact', hideBelow: 1400, cell: (deal) => deal.contactName || none },
    {
      id: 'stage',
      label: 'Stage',
      width: '170px',
      sortField: 'stage',
      cell: (deal) => {
        const stage = stageById.get(deal.stageId);
        return <StagePill name={stage?.name ?? '—'} outcome={stage?.outcome ?? 'open'} />;
      },
    },
    { id: 'value', label: 'Value', width: '116px', align: 'end', numeric: true, sortField: 'valueMinor', cell: (deal) => money(deal.valueMinor, deal.currency) },
    { id: 'probability', label: 'Probability', width: '110px', align: 'end', numeric: true, sortField: 'probabilityBp', hideBelow: 1000, cell: (deal) => percent(deal.probabilityBp) },
    {
      id: 'weighted',
      label: 'Weighted',
      width: '116px',
      align: 'end',
      numeric: true,
      sortField: 'weighted',
      cell: (deal) => money(Math.round((deal.valueMinor * deal.probabilityBp) / 10_000), deal.currency),
    },
    { id: 'expectedClose', label: 'Expected close', width: '130px', numeric: true, sortField: 'expectedCloseAt', hideBelow: 1100, cell: (deal) => (deal.expectedCloseAt === null ? none : formatDate(deal.expectedCloseAt)) },
    { id: 'owner', label: 'Owner', width: 'minmax(90px, 0.7fr)', muted: true, sortField: 'owner', hideBelow: 800, cell: (deal) => deal.owner || none },
    { id: 'updated', label: 'Last changed', width: '120px', muted: true, numeric: true, sortField: 'updatedAt', hideBelow: 1200, cell: (deal) => formatDate(deal.updatedAt) },
  ];
}
