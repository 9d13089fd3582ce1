import { v7 as uuidv7 } from 'uuid';
import type { BulkRequest } from '../../src-shared/domain/bulk';
import { AppError } from '../../src-shared/errors';
import type { MutationTx } from '../writes/mutation-engine';
import { deleteRow, perRow, plural, requireKnownPerson, setOnEveryRow, type ActionContext, type PlannedAction } from './row-changes';

type DealAction = Extract<BulkRequest, { list: 'deals' }>['action'];

export interface StageMove {
  dealId: string;
  pipelineId: string;
  from: string | null;
  to: string;
  at: number;
  by: string;
}

/** A deal's move between stages, as the board records one (pipeline/service.ts): the funnel and the deal's history read these. */
export function recordStageMove(tx: MutationTx, move: StageMove): void {
  tx.write('deal_stage_events', uuidv7(), {
    deal_id: move.dealId,
    pipeline_id: move.pipelineId,
    from_stage_id: move.from,
    to_stage_id: move.to,
    at: move.at,
    moved_by: move.by,
  });
}

/** Deals: moved to a stage of their pipeline, given to an owner, deleted. */
export function planDealAction(action: DealAction, context: ActionContext): PlannedAction {
  switch (action.type) {
    case 'moveToStage': {
      const stage = context.sqlite
        .prepare('SELECT name, pipeline_id, outcome FROM stages WHERE id = ? AND cl % 2 = 1')
        .get(action.stageId) as { name: string; pipeline_id: string; outcome: string } | undefined;
      if (!stage) throw new AppError('not_found', 'That stage does not exist or was deleted.', 'stageId');
      return {
        label: (n) => `Moved ${plural(n, 'deal')} to ${stage.name}`,
        // A deal of another pipeline cannot take the stage and is left as it is.
        changes: perRow((id, read) => {
          const deal = read('deals', id, ['pipeline_id', 'stage_id']);
          if (!deal || deal.pipeline_id !== stage.pipeline_id || deal.stage_id === action.stageId) return [];
          const at = context.now();
          const move = { dealId: id, pipelineId: stage.pipeline_id, from: deal.stage_id as string, to: action.stageId, at, by: context.userName() };
          return [
            {
              table: 'deals',
              rowId: id,
              set: { stage_id: action.stageId, closed_at: stage.outcome === 'open' ? null : at },
              alsoWhenWritten: (tx) => recordStageMove(tx, move),
            },
          ];
        }),
      };
    }
    case 'assignOwner':
      requireKnownPerson(context, action.owner, 'owner');
      return { label: (n) => `Gave ${plural(n, 'deal')} to ${action.owner}`, changes: setOnEveryRow('deals', { owner: action.owner }) };
    case 'delete':
      return { label: (n) => `Deleted ${plural(n, 'deal')}`, changes: perRow((id, read) => deleteRow('deals', id, read)) };
  }
}
