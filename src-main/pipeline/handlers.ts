import type { Handlers } from '../../src-shared/ipc/contract';
import { AppError } from '../../src-shared/errors';
import type { createPipelineAnalytics } from './analytics';
import type { QuotesService } from './quotes';
import type { createScorer } from './scores';
import type { PipelineService } from './service';

type PipelineChannels = Extract<keyof Handlers, `pipelines.${string}` | `deals.${string}` | `quotes.${string}`> | 'contacts.scores';

export function pipelineHandlers(
  pipelines: PipelineService,
  quotes: QuotesService,
  analytics: ReturnType<typeof createPipelineAnalytics>,
  scoreContact: ReturnType<typeof createScorer>,
) {
  return {
    'pipelines.list': () => pipelines.list(),
    'pipelines.createFromTemplate': ({ template, name }) => pipelines.createFromTemplate(template, name),
    'pipelines.rename': ({ id, name }) => pipelines.rename(id, name),
    'pipelines.addStage': ({ pipelineId, stage, beforeStageId }) => pipelines.addStage(pipelineId, stage, beforeStageId),
    'pipelines.updateStage': ({ stageId, patch }) => pipelines.updateStage(stageId, patch),
    'pipelines.moveStage': ({ stageId, toIndex }) => pipelines.moveStage(stageId, toIndex),
    'pipelines.board': ({ pipelineId, dealsPerStage }) => pipelines.board(pipelineId, dealsPerStage),
    'pipelines.funnel': ({ pipelineId, period }) => analytics.funnel(pipelines.get(pipelineId).stages, pipelineId, period.from, period.to),
    'pipelines.owners': ({ period }) => analytics.owners(period.from, period.to),
    'pipelines.forecast': () => analytics.forecast(),
    'deals.list': (query) => pipelines.listDeals(query),
    'deals.get': ({ id }) => pipelines.getDeal(id),
    'deals.ofContact': ({ contactId }) => pipelines.dealsOfContact(contactId),
    'deals.create': (draft) => pipelines.createDeal(draft),
    'deals.update': ({ id, patch }) => pipelines.updateDeal(id, patch),
    'deals.move': ({ id, stageId, closeReason }) => pipelines.moveDeal(id, stageId, closeReason),
    'deals.delete': ({ id }) => pipelines.deleteDeal(id),
    'deals.restore': ({ id }) => pipelines.restoreDeal(id),
    'quotes.ofDeal': ({ dealId }) => quotes.listForDeal(dealId),
    'quotes.pending': () => quotes.pendingQuotes(),
    'quotes.create': (draft) => quotes.create(draft),
    'quotes.update': ({ id, patch }) => quotes.update(id, patch),
    'quotes.send': ({ id }) => quotes.send(id),
    'quotes.delete': ({ id }) => quotes.delete(id),
    'contacts.scores': ({ contactId }) => {
      const scores = scoreContact(contactId);
      if (!scores) throw new AppError('not_found', 'That contact does not exist or was deleted.', 'contactId');
      return scores;
    },
  } satisfies Pick<Handlers, PipelineChannels>;
}
