import type { HandlerMap } from '../../src-shared/ipc/channel';
import type { pipelineChannels } from '../../src-shared/ipc/pipeline';
import { AppError } from '../../src-shared/errors';
import type { PipelineAnalytics } from './analytics';
import type { QuotesService } from './quotes';
import type { ContactScorer } from './scores';
import type { PipelineService } from './service';

export function pipelineHandlers(
  pipelines: PipelineService,
  quotes: QuotesService,
  analytics: PipelineAnalytics,
  scorer: ContactScorer,
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
      const scores = scorer.score(contactId);
      if (!scores) throw new AppError('not_found', 'That contact does not exist or was deleted.', 'contactId');
      return scores;
    },
  } satisfies HandlerMap<typeof pipelineChannels>;
}
