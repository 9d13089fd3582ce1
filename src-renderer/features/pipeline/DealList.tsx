import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { Deal, Stage } from '../../../src-shared/domain/pipeline';
import { formatDate, formatNumber } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { sortDeals, type DealSort, type DealSortField } from './board-model';
import type { Board } from './hooks';
import { money, percent } from './pipeline-format';

// Row height is fixed in pipeline.css (.deal-table tbody tr); the virtualiser needs the same number.
const rowHeight = 48;
const headerHeight = 41;

// Fixed widths for the figures; the deal (its title over its contact) takes what is left.
const columns: { field: DealSortField; label: string; end?: boolean; width?: number }[] = [
  { field: 'title', label: 'Deal' },
  { field: 'stage', label: 'Stage', width: 160 },
  { field: 'valueMinor', label: 'Value', end: true, width: 116 },
  { field: 'probabilityBp', label: 'Probability', end: true, width: 120 },
  { field: 'weighted', label: 'Weighted', end: true, width: 116 },
  { field: 'expectedCloseAt', label: 'Expected close', width: 138 },
  { field: 'owner', label: 'Owner', width: 120 },
  { field: 'updatedAt', label: 'Last changed', width: 130 },
];

interface DealListProps {
  board: Board;
  /** Only this stage's deals; null for all. */
  stageId: string | null;
  onStageChange: (stageId: string | null) => void;
  onOpenDeal: (deal: Deal) => void;
}

/** The board's deals as a sortable table, virtualised so thousands of rows stay quick. */
export function DealList({ board, stageId, onStageChange, onOpenDeal }: DealListProps) {
  const [sort, setSort] = useState<DealSort>({ field: 'updatedAt', direction: 'desc' });
  const scrollRef = useRef<HTMLDivElement>(null);
  const stages = board.pipeline.stages;
  const columnsShown = stageId === null ? board.columns : board.columns.filter((column) => column.stage.id === stageId);
  const total = columnsShown.reduce((sum, column) => sum + column.count, 0);
  const deals = useMemo(() => {
    const shown = stageId === null ? board.columns : board.columns.filter((column) => column.stage.id === stageId);
    return sortDeals(
      shown.flatMap((column) => column.deals),
      sort,
      board.pipeline.stages,
    );
  }, [board, stageId, sort]);
  const stageById = new Map<string, Stage>(stages.map((stage) => [stage.id, stage]));

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser stays inside this component; nothing memoises over it
  const virtualizer = useVirtualizer({
    count: deals.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollMargin: headerHeight,
  });
  const items = virtualizer.getVirtualItems();
  // Rows outside the window are stood in for by two spacer rows, so the table keeps its real height.
  const padTop = (items[0]?.start ?? headerHeight) - headerHeight;
  const padBottom = virtualizer.getTotalSize() - ((items.at(-1)?.end ?? headerHeight) - headerHeight);

  const toggle = (field: DealSortField) =>
    setSort((current) => ({
      field,
      direction: current.field === field ? (current.direction === 'asc' ? 'desc' : 'asc') : field === 'title' || field === 'owner' || field === 'stage' ? 'asc' : 'desc',
    }));

  return (
    <div className="deal-list">
      <div className="deal-list__toolbar">
        <label className="select-filter">
          <span className="visually-hidden">Stage</span>
          <select value={stageId ?? ''} onChange={(event) => onStageChange(event.target.value || null)}>
            <option value="">All stages</option>
            {stages.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stage.name}
              </option>
            ))}
          </select>
        </label>
        <p className="deal-list__count" aria-live="polite">
          {deals.length < total
            ? `Showing the newest ${formatNumber(deals.length)} of ${formatNumber(total)} deals`
            : `${formatNumber(total)} ${total === 1 ? 'deal' : 'deals'}`}
        </p>
      </div>
      <div ref={scrollRef} className="deal-table-scroll" tabIndex={-1}>
        <table className="deal-table" aria-label={`Deals in ${board.pipeline.name}`} aria-rowcount={deals.length + 1}>
          <colgroup>
            {columns.map((column) => (
              <col key={column.field} style={column.width ? { width: `${column.width}px` } : undefined} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {columns.map((column) => {
                const sorted = sort.field === column.field;
                return (
                  <th
                    key={column.field}
                    scope="col"
                    className={column.end ? 'col--end' : undefined}
                    aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button type="button" className={sorted ? 'sort-button sort-button--active' : 'sort-button'} onClick={() => toggle(column.field)}>
                      {column.label}
                      <Icon name={sorted && sort.direction === 'desc' ? 'arrowDown' : 'arrowUp'} size={14} />
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 ? (
              <tr aria-hidden="true" className="deal-table__spacer">
                <td colSpan={columns.length} style={{ height: padTop }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const deal = deals[item.index]!;
              const stage = stageById.get(deal.stageId);
              return (
                <tr key={deal.id} aria-rowindex={item.index + 2}>
                  <td className="deal-table__title">
                    <button type="button" className="pl-link-button" onClick={() => onOpenDeal(deal)}>
                      {deal.title}
                    </button>
                    <span className="deal-table__contact">{deal.contactName || 'Deleted contact'}</span>
                  </td>
                  <td>
                    <span className={`stage-pill stage-pill--${stage?.outcome ?? 'open'}`}>{stage?.name ?? '—'}</span>
                  </td>
                  <td className="col--end pl-num">{money(deal.valueMinor, deal.currency)}</td>
                  <td className="col--end pl-num">{percent(deal.probabilityBp)}</td>
                  <td className="col--end pl-num">{money(Math.round((deal.valueMinor * deal.probabilityBp) / 10_000), deal.currency)}</td>
                  <td className="pl-num">{deal.expectedCloseAt === null ? <span className="muted">—</span> : formatDate(deal.expectedCloseAt)}</td>
                  <td>{deal.owner || <span className="muted">—</span>}</td>
                  <td className="pl-num">{formatDate(deal.updatedAt)}</td>
                </tr>
              );
            })}
            {padBottom > 0 ? (
              <tr aria-hidden="true" className="deal-table__spacer">
                <td colSpan={columns.length} style={{ height: padBottom }} />
              </tr>
            ) : null}
          </tbody>
        </table>
        {deals.length === 0 ? <p className="deal-list__empty">No deals {stageId ? 'in this stage' : 'in this pipeline'} yet.</p> : null}
      </div>
    </div>
  );
}
