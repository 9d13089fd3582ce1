import { z } from 'zod';
import { EpochMsSchema } from './contact';

export const stageOutcomes = ['open', 'won', 'lost'] as const;
export type StageOutcome = (typeof stageOutcomes)[number];

export const StageSchema = z.object({
  id: z.string(),
  pipelineId: z.string(),
  name: z.string(),
  position: z.number().int(),
  /** Win probability in basis points (60% = 6000). */
  probabilityBp: z.number().int().min(0).max(10_000),
  expectedDays: z.number().int().min(0).nullable(),
  outcome: z.enum(stageOutcomes),
});
export type Stage = z.infer<typeof StageSchema>;

export const PipelineSchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number().int(),
  stages: z.array(StageSchema),
});
export type Pipeline = z.infer<typeof PipelineSchema>;

export const StageDraftSchema = z.object({
  name: z.string().trim().min(1, 'Name the stage').max(80),
  probabilityBp: z.number().int().min(0).max(10_000).default(0),
  expectedDays: z.number().int().min(0).max(3650).nullable().default(null),
  outcome: z.enum(stageOutcomes).default('open'),
});
export type StageDraft = z.input<typeof StageDraftSchema>;

export const pipelineTemplates = {
  urgent_jobs: {
    name: 'Urgent jobs',
    stages: [
      { name: 'New inquiry', probabilityBp: 1000, expectedDays: 1 },
      { name: 'Client pack sent', probabilityBp: 3000, expectedDays: 1 },
      { name: 'Awaiting instruction', probabilityBp: 5000, expectedDays: 2 },
      { name: 'Job booked', probabilityBp: 8000, expectedDays: 3 },
      { name: 'Job in progress', probabilityBp: 9000, expectedDays: 5 },
      { name: 'Invoiced', probabilityBp: 9500, expectedDays: 14 },
      { name: 'Paid', probabilityBp: 10_000, expectedDays: null, outcome: 'won' },
    ],
  },
  prospects: {
    name: 'Prospects',
    stages: [
      { name: 'Prospect', probabilityBp: 500, expectedDays: 14 },
      { name: 'First contact', probabilityBp: 1000, expectedDays: 14 },
      { name: 'In discussion', probabilityBp: 2500, expectedDays: 21 },
      { name: 'Quote sent', probabilityBp: 5000, expectedDays: 14 },
      { name: 'Thinking about it', probabilityBp: 6000, expectedDays: 21 },
      { name: 'Won', probabilityBp: 10_000, expectedDays: null, outcome: 'won' },
      { name: 'Lost', probabilityBp: 0, expectedDays: null, outcome: 'lost' },
    ],
  },
} as const satisfies Record<string, { name: string; stages: readonly StageDraft[] }>;
export type PipelineTemplate = keyof typeof pipelineTemplates;

export const DealSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  pipelineId: z.string(),
  stageId: z.string(),
  title: z.string(),
  valueMinor: z.number().int(),
  currency: z.string(),
  /** The deal's own probability if overridden, else its stage's. */
  probabilityBp: z.number().int(),
  probabilityOverridden: z.boolean(),
  expectedCloseAt: EpochMsSchema.nullable(),
  owner: z.string(),
  source: z.string(),
  closeReason: z.string(),
  closedAt: EpochMsSchema.nullable(),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
});
export type Deal = z.infer<typeof DealSchema>;

/** What the deals list sorts by (src-main/pipeline/queries.ts orders by each). */
export const dealSortFields = ['title', 'contact', 'stage', 'valueMinor', 'probabilityBp', 'weighted', 'expectedCloseAt', 'owner', 'updatedAt'] as const;
export type DealSortField = (typeof dealSortFields)[number];

/** A deals list as asked, without paging: what "all matching" of a bulk action means. */
export const DealListQuerySchema = z.object({
  pipelineId: z.string().min(1).max(64).optional(),
  stageId: z.string().min(1).max(64).optional(),
  owner: z.string().max(120).optional(),
  sort: z.object({ field: z.enum(dealSortFields), direction: z.enum(['asc', 'desc']) }).default({ field: 'updatedAt', direction: 'desc' }),
});
export type DealListQuery = z.output<typeof DealListQuerySchema>;

export const DealDraftSchema = z.object({
  contactId: z.string().min(1).max(64),
  pipelineId: z.string().min(1).max(64),
  /** Defaults to the pipeline's first stage. */
  stageId: z.string().min(1).max(64).optional(),
  title: z.string().trim().min(1, 'Name the deal').max(200),
  valueMinor: z.number().int().min(0, 'A deal’s value cannot be negative').max(Number.MAX_SAFE_INTEGER).default(0),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  probabilityBp: z.number().int().min(0).max(10_000).nullable().default(null),
  expectedCloseAt: EpochMsSchema.nullable().default(null),
  owner: z.string().trim().max(120).optional(),
  source: z.string().trim().max(200).default(''),
});
export type DealDraft = z.input<typeof DealDraftSchema>;

export const DealPatchSchema = z
  .object({
    title: DealDraftSchema.shape.title,
    valueMinor: z.number().int().min(0, 'A deal’s value cannot be negative').max(Number.MAX_SAFE_INTEGER),
    currency: z.string().regex(/^[A-Z]{3}$/),
    probabilityBp: z.number().int().min(0).max(10_000).nullable(),
    expectedCloseAt: EpochMsSchema.nullable(),
    owner: z.string().trim().max(120),
    source: z.string().trim().max(200),
    closeReason: z.string().trim().max(500),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Change at least one field');
