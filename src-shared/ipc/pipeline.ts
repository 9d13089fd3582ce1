import { z } from 'zod';
import { EpochMsSchema } from '../domain/contact';
import {
  DealDraftSchema,
  DealListQuerySchema,
  DealPatchSchema,
  DealSchema,
  pipelineTemplates,
  PipelineSchema,
  StageDraftSchema,
  StageSchema,
  stageOutcomes,
  type PipelineTemplate,
} from '../domain/pipeline';
import { QuoteDraftSchema, QuotePatchSchema, QuoteSchema } from '../domain/quote';
import { ContactScoresSchema } from '../domain/score';
import { ById, channel, Id } from './channel';

const templateNames = Object.keys(pipelineTemplates) as [PipelineTemplate, ...PipelineTemplate[]];
const Period = z
  .object({ from: EpochMsSchema, to: EpochMsSchema })
  .refine((period) => period.from < period.to, { message: 'The period must end after it starts', path: ['to'] });

const BoardColumnSchema = z.object({
  stage: StageSchema,
  count: z.number().int(),
  /** One total per currency of the column's deals, never added together (money-totals.ts). */
  totals: z.array(z.object({ currency: z.string(), totalMinor: z.number().int(), weightedMinor: z.number().int() })),
  deals: z.array(DealSchema),
});

export const pipelineChannels = {
  'pipelines.list': channel({ summary: 'Pipelines with their stages, in order.', input: z.object({}).default({}), output: z.array(PipelineSchema) }),
  'pipelines.createFromTemplate': channel({
    summary: 'A new pipeline from a template (urgent jobs, prospects).',
    input: z.object({ template: z.enum(templateNames), name: z.string().trim().min(1).max(80).optional() }),
    output: PipelineSchema,
  }),
  'pipelines.rename': channel({ summary: 'Rename a pipeline.', input: z.object({ id: Id, name: z.string().trim().min(1).max(80) }), output: PipelineSchema }),
  'pipelines.addStage': channel({
    summary: 'Add a stage, before another one or at the end; deals stay where they are.',
    input: z.object({ pipelineId: Id, stage: StageDraftSchema, beforeStageId: Id.optional() }),
    output: PipelineSchema,
  }),
  'pipelines.updateStage': channel({
    summary: 'Rename a stage or change its probability, expected days or outcome.',
    input: z.object({
      stageId: Id,
      patch: z
        .object({
          name: StageDraftSchema.shape.name,
          probabilityBp: z.number().int().min(0).max(10_000),
          expectedDays: z.number().int().min(0).max(3650).nullable(),
          outcome: z.enum(stageOutcomes),
        })
        .partial(),
    }),
    output: PipelineSchema,
  }),
  'pipelines.moveStage': channel({ summary: 'Reorder a stage.', input: z.object({ stageId: Id, toIndex: z.number().int().min(0) }), output: PipelineSchema }),
  'pipelines.board': channel({
    summary: 'A pipeline as columns per stage with counts, totals and the newest deals.',
    input: z.object({ pipelineId: Id, dealsPerStage: z.number().int().min(1).max(1000).default(200) }),
    output: z.object({ pipeline: PipelineSchema, columns: z.array(BoardColumnSchema) }),
  }),
  'pipelines.funnel': channel({
    summary: 'Entries, conversion, drop-off and days per stage, and the win rate, for a period.',
    input: z.object({ pipelineId: Id, period: Period }),
    output: z.object({
      stages: z.array(
        z.object({
          stageId: z.string(),
          name: z.string(),
          outcome: z.enum(stageOutcomes),
          entered: z.number().int(),
          advanced: z.number().int(),
          conversion: z.number().nullable(),
          dropOff: z.number().nullable(),
          averageDays: z.number().nullable(),
        }),
      ),
      won: z.number().int(),
      lost: z.number().int(),
      winRate: z.number().nullable(),
    }),
  }),
  'pipelines.owners': channel({
    summary: 'Per owner: deals created, won, lost, won value, win rate, average size and days to close.',
    input: z.object({ period: Period }),
    output: z.array(
      z.object({
        owner: z.string(),
        currency: z.string(),
        created: z.number().int(),
        won: z.number().int(),
        lost: z.number().int(),
        wonValueMinor: z.number().int(),
        winRate: z.number().nullable(),
        averageDealMinor: z.number().int().nullable(),
        averageDaysToClose: z.number().nullable(),
      }),
    ),
  }),
  'pipelines.forecast': channel({
    summary: 'Open value weighted by probability, by expected close month.',
    input: z.object({}).default({}),
    output: z.array(
      z.object({ month: z.string().nullable(), currency: z.string(), count: z.number().int(), totalMinor: z.number().int(), weightedMinor: z.number().int() }),
    ),
  }),
  'deals.list': channel({
    summary: 'Deals of a pipeline, stage or owner, sorted and paged, with the total.',
    input: DealListQuerySchema.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ total: z.number().int(), items: z.array(DealSchema) }),
  }),
  'deals.get': channel({ summary: 'One deal.', input: ById, output: DealSchema }),
  'deals.ofContact': channel({ summary: "A contact's deals.", input: z.object({ contactId: Id }), output: z.array(DealSchema) }),
  'deals.create': channel({ summary: 'A new deal for a contact.', input: DealDraftSchema, output: DealSchema }),
  'deals.update': channel({ summary: 'Change a deal.', input: z.object({ id: Id, patch: DealPatchSchema }), output: DealSchema }),
  'deals.move': channel({
    summary: 'Move a deal to another stage (recorded with who and when).',
    input: z.object({ id: Id, stageId: Id, closeReason: z.string().trim().max(500).optional() }),
    output: DealSchema,
  }),
  'deals.delete': channel({ summary: 'Delete a deal (restore undoes it).', input: ById, output: z.object({ id: z.string() }) }),
  'deals.restore': channel({ summary: 'Bring a deleted deal back.', input: ById, output: DealSchema }),
  'quotes.ofDeal': channel({ summary: "A deal's quotes, newest first.", input: z.object({ dealId: Id }), output: z.array(QuoteSchema) }),
  'quotes.pending': channel({ summary: 'Quotes sent and awaiting an answer.', input: z.object({}).default({}), output: z.array(QuoteSchema) }),
  'quotes.create': channel({ summary: 'A draft quote for a deal.', input: QuoteDraftSchema, output: QuoteSchema }),
  'quotes.update': channel({ summary: 'Edit a draft, or record the answer.', input: z.object({ id: Id, patch: QuotePatchSchema }), output: QuoteSchema }),
  'quotes.send': channel({ summary: 'Render the quote to PDF, attach it to the contact and mark it sent.', input: ById, output: QuoteSchema }),
  'quotes.delete': channel({ summary: 'Delete a quote.', input: ById, output: z.object({ id: z.string() }) }),
  'contacts.scores': channel({
    summary: 'Lead score and grade, and customer health, with the factors behind them.',
    input: z.object({ contactId: Id }),
    output: ContactScoresSchema,
  }),
};
