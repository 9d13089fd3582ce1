import { z } from 'zod';
import { EpochMsSchema } from './contact';

export const quoteStatuses = ['draft', 'sent', 'accepted', 'rejected', 'expired'] as const;
export type QuoteStatus = (typeof quoteStatuses)[number];

export const QuoteLineSchema = z.object({
  description: z.string().trim().min(1, 'Describe the line').max(500),
  /** Thousandths: 1.5 hours is 1500. */
  quantityMilli: z.number().int().min(0).max(1_000_000_000),
  /** Negative for an amount off or a deposit already paid: a discount is a line or a percentage. */
  unitPriceMinor: z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000),
  discountBp: z.number().int().min(0).max(10_000).default(0),
  taxRateBp: z.number().int().min(0).max(10_000).default(0),
});
export type QuoteLine = z.infer<typeof QuoteLineSchema>;

export const QuoteSchema = z.object({
  id: z.string(),
  dealId: z.string(),
  contactId: z.string(),
  number: z.string(),
  /** `sent` past its validity shows as `expired`. */
  status: z.enum(quoteStatuses),
  currency: z.string(),
  lines: z.array(QuoteLineSchema),
  notes: z.string(),
  validUntil: EpochMsSchema.nullable(),
  sentAt: EpochMsSchema.nullable(),
  fileId: z.string().nullable(),
  subtotalMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
  createdAt: EpochMsSchema,
});
export type Quote = z.infer<typeof QuoteSchema>;

export const QuoteDraftSchema = z.object({
  dealId: z.string().min(1).max(64),
  lines: z.array(QuoteLineSchema).max(200).default([]),
  notes: z.string().max(5000).default(''),
  validUntil: EpochMsSchema.nullable().default(null),
});

export const QuotePatchSchema = z
  .object({
    lines: z.array(QuoteLineSchema).max(200),
    notes: z.string().max(5000),
    validUntil: EpochMsSchema.nullable(),
    status: z.enum(['draft', 'accepted', 'rejected']),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Change at least one field');
