import { addToTotals } from '../../../src-shared/domain/money-totals';
import type { Deal, Stage } from '../../../src-shared/domain/pipeline';
import type { Board } from './hooks';

// Pure helpers for the board and the list: the optimistic move shown while the core records it,
// and the list's sort. The core's answer replaces the optimistic board as soon as it arrives.

export interface PendingMove {
  dealId: string;
  stageId: string;
}

function weighted(deal: Deal, probabilityBp: number): number {
  return Math.round((deal.valueMinor * probabilityBp) / 10_000);
}

/** The board as it will be once `move` is recorded: the card on top of its new column. */
export function applyMove(board: Board, move: PendingMove): Board {
  const from = board.columns.find((column) => column.deals.some((deal) => deal.id === move.dealId));
  const to = board.columns.find((column) => column.stage.id === move.stageId);
  const deal = from?.deals.find((candidate) => candidate.id === move.dealId);
  if (!from || !to || !deal || from === to) return board;
  const moved: Deal = {
    ...deal,
    stageId: to.stage.id,
    probabilityBp: deal.probabilityOverridden ? deal.probabilityBp : to.stage.probabilityBp,
  };
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column === from) {
        return {
          ...column,
          count: column.count - 1,
          totals: addToTotals(column.totals, deal.currency, -deal.valueMinor, -weighted(deal, deal.probabilityBp)),
          deals: column.deals.filter((candidate) => candidate.id !== deal.id),
        };
      }
      if (column === to) {
        return {
          ...column,
          count: column.count + 1,
          totals: addToTotals(column.totals, moved.currency, moved.valueMinor, weighted(moved, moved.probabilityBp)),
          deals: [moved, ...column.deals],
        };
      }
      return column;
    }),
  };
}

export const dealSortFields = ['title', 'contactName', 'stage', 'valueMinor', 'probabilityBp', 'weighted', 'expectedCloseAt', 'owner', 'updatedAt'] as const;
export type DealSortField = (typeof dealSortFields)[number];
export interface DealSort {
  field: DealSortField;
  direction: 'asc' | 'desc';
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Sorted deals; empty dates and names go last whichever way the column is sorted. */
export function sortDeals(deals: readonly Deal[], sort: DealSort, stages: readonly Stage[]): Deal[] {
  const stageIndex = new Map(stages.map((stage, index) => [stage.id, index]));
  const key = (deal: Deal): string | number | null => {
    switch (sort.field) {
      case 'title':
        return deal.title;
      case 'contactName':
        return deal.contactName || null;
      case 'stage':
        return stageIndex.get(deal.stageId) ?? null;
      case 'weighted':
        return deal.valueMinor * deal.probabilityBp;
      case 'owner':
        return deal.owner || null;
      default:
        return deal[sort.field];
    }
  };
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...deals].sort((a, b) => {
    const left = key(a);
    const right = key(b);
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    const order = typeof left === 'string' && typeof right === 'string' ? collator.compare(left, right) : Number(left) - Number(right);
    return order * sign || collator.compare(a.title, b.title);
  });
}
