import { z } from 'zod';

// Where a contact stands in the office's funnel, set by a person ("Convert to customer") and kept
// with its history, so the owner can see how many leads become customers, and how fast.

export const lifecycleStages = ['lead', 'qualified', 'customer', 'former_customer'] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];

export const lifecycleStageLabels: Record<LifecycleStage, string> = {
  lead: 'Lead',
  qualified: 'Qualified',
  customer: 'Customer',
  former_customer: 'Former customer',
};

export const LifecycleEventSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  stage: z.enum(lifecycleStages),
  previousStage: z.enum(lifecycleStages).nullable(),
  at: z.number().int(),
  /** Who set it; empty for the start a contact's type implied. */
  by: z.string(),
});
export type LifecycleEvent = z.infer<typeof LifecycleEventSchema>;

export const ContactLifecycleSchema = z.object({
  /** The newest stage set, or the one the contact's type implies; null when neither says. */
  stage: z.enum(lifecycleStages).nullable(),
  /** True while no stage was ever set and `stage` comes from the contact's type or status. */
  implied: z.boolean(),
  /** Newest first. */
  history: z.array(LifecycleEventSchema),
});
export type ContactLifecycle = z.infer<typeof ContactLifecycleSchema>;

export const ConversionQuerySchema = z
  .object({ from: z.number().int(), to: z.number().int() })
  .refine((period) => period.from < period.to, { message: 'The period must end after it starts', path: ['to'] });

const conversionRow = z.object({
  /** The source or owner; empty when the contacts have none. */
  key: z.string(),
  leads: z.number().int(),
  converted: z.number().int(),
  /** converted / leads, 0…1; null without leads. */
  rate: z.number().nullable(),
  /** Mean days from becoming a lead to becoming a customer, of those converted; null when none. */
  averageDays: z.number().nullable(),
});
export type ConversionRow = z.infer<typeof conversionRow>;

export const ConversionFiguresSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  total: conversionRow,
  bySource: z.array(conversionRow),
  byOwner: z.array(conversionRow),
});
export type ConversionFigures = z.infer<typeof ConversionFiguresSchema>;
