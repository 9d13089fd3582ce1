import { z } from 'zod';
import { EpochMsSchema, tagName } from './contact';
import { CallBackSchema } from './sla';

export const callDirections = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof callDirections)[number];
/** Twilio's call statuses, which manual logging shares so one table serves both. */
export const callStatuses = ['queued', 'ringing', 'in-progress', 'completed', 'busy', 'failed', 'no-answer', 'canceled'] as const;
export type CallStatus = (typeof callStatuses)[number];
/** Statuses that mean nobody picked up. */
export const unansweredStatuses: readonly CallStatus[] = ['busy', 'failed', 'no-answer', 'canceled'];

/** The outcome of a call nobody picked up; always accepted, whatever the office's list says. */
export const noAnswerOutcome = 'no answer';
/** Outcomes that mean nobody picked up: logging one records the call as unanswered. */
export function isUnansweredOutcome(outcome: string): boolean {
  return /\b(no answer|nobody answered|unanswered|missed|voicemail)\b/i.test(outcome);
}
/** The outcome the log-a-call form offers as "Nobody answered": the office's own, else the built-in one. */
export function unansweredOutcomeOf(outcomes: readonly string[]): string {
  return outcomes.find((outcome) => /\b(no answer|nobody answered|unanswered)\b/i.test(outcome)) ?? noAnswerOutcome;
}

export const CallSchema = z.object({
  id: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  direction: z.enum(callDirections),
  number: z.string(),
  startedAt: EpochMsSchema,
  durationSeconds: z.number().int().min(0),
  status: z.enum(callStatuses),
  disposition: z.string(),
  notes: z.string(),
  recordingSha256: z.string().nullable(),
  transcript: z.string(),
  provider: z.string(),
  providerId: z.string().nullable(),
  spam: z.boolean(),
  emergency: z.boolean(),
  loggedBy: z.string(),
  /** The office line of a phone line call; '' for calls logged by hand. */
  officeNumber: z.string().default(''),
  recordingSeconds: z.number().int().min(0).default(0),
  /** From the transcript, worked out on this laptop: -1 … 1, or null without a transcript. */
  sentiment: z.number().min(-1).max(1).nullable().default(null),
  keywords: z.array(z.string()).default([]),
  /** What the caller's work may be worth, in minor units of the office's currency; null until estimated. */
  valueEstimateMinor: z.number().int().min(0).nullable().default(null),
  /** The call-back an SLA rule promised for this call (its earliest), or null. */
  callBack: CallBackSchema.nullable().default(null),
  /** The office's emergency word its transcript or notes name ('' for none): an emergency by keyword. */
  emergencyKeyword: z.string().default(''),
  /** An incoming call that arrived while the office was closed (the phone line's opening hours). */
  afterHours: z.boolean().default(false),
  /** The office's tags on this call (call_tags), in name order. */
  tags: z.array(z.string()).default([]),
});
export type Call = z.infer<typeof CallSchema>;

export const CallDraftSchema = z.object({
  direction: z.enum(callDirections),
  /** As typed; normalised to E.164 with the default region. */
  number: z.string().trim().min(1, 'Enter the number').max(40),
  startedAt: EpochMsSchema,
  durationSeconds: z.number().int().min(0).max(24 * 60 * 60).default(0),
  status: z.enum(callStatuses).default('completed'),
  disposition: z.string().trim().min(1, 'Choose an outcome').max(60),
  notes: z.string().max(20_000).default(''),
  /** Link to this contact; when absent the number is matched to a contact by E.164. */
  contactId: z.string().min(1).max(64).optional(),
  spam: z.boolean().default(false),
  emergency: z.boolean().default(false),
});
export type CallDraft = z.input<typeof CallDraftSchema>;

export const CallListQuerySchema = z.object({
  from: EpochMsSchema.optional(),
  to: EpochMsSchema.optional(),
  direction: z.enum(callDirections).optional(),
  disposition: z.string().max(60).optional(),
  contactId: z.string().max(64).optional(),
  unansweredOnly: z.boolean().default(false),
  /** Words in the transcript or notes. */
  search: z.string().trim().max(200).optional(),
  /** The transcript's mood: positive, neutral or negative. */
  sentiment: z.enum(['positive', 'neutral', 'negative']).optional(),
  /** Calls from or to this number (E.164): the history of one caller. */
  number: z.string().max(40).optional(),
  /** `twilio` for the phone line's calls, `manual` for calls logged by hand. */
  provider: z.enum(['twilio', 'manual']).optional(),
  /** Calls carrying this tag (any case). */
  tag: z.string().trim().max(40).optional(),
  sort: z
    .object({ field: z.enum(['startedAt', 'durationSeconds', 'disposition']), direction: z.enum(['asc', 'desc']) })
    .default({ field: 'startedAt', direction: 'desc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type CallListQuery = z.input<typeof CallListQuerySchema>;

/** Who a number belongs to, asked as the number is typed. */
export const NumberOwnerSchema = z.object({
  /** E.164, or null when the text is not yet a phone number. */
  number: z.string().nullable(),
  contact: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type NumberOwner = z.infer<typeof NumberOwnerSchema>;

/** What the triage desk may change on a call; each edit is saved as it is made. */
export const CallPatchSchema = z
  .object({
    disposition: z.string().trim().min(1, 'Choose an outcome').max(60),
    notes: z.string().max(20_000),
    valueEstimateMinor: z.number().int().min(0, 'An estimate cannot be negative').max(Number.MAX_SAFE_INTEGER).nullable(),
    emergency: z.boolean(),
    spam: z.boolean(),
  })
  .partial();
export type CallPatch = z.input<typeof CallPatchSchema>;

/**
 * Why a call is waiting in triage: nobody has said how it went yet, or the call-back it was promised
 * (an open follow-up made from it) is due.
 */
export const triageReasons = ['no_outcome', 'call_back_due'] as const;
export type TriageReason = (typeof triageReasons)[number];

export const TriageQueueQuerySchema = z.object({
  /** oldest: first come, first served; urgency: emergencies first, then the oldest. */
  order: z.enum(['oldest', 'urgency']).default('oldest'),
  limit: z.number().int().min(1).max(1000).default(500),
});
export type TriageQueueQuery = z.input<typeof TriageQueueQuerySchema>;

export const TriageQueueSchema = z.object({
  /** How many calls wait, all of them (the items are the first `limit`). */
  total: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      reason: z.enum(triageReasons),
      emergency: z.boolean(),
      startedAt: EpochMsSchema,
      number: z.string(),
      contactName: z.string().nullable(),
      callBack: CallBackSchema.nullable().default(null),
      emergencyKeyword: z.string().default(''),
      afterHours: z.boolean().default(false),
    }),
  ),
});
export type TriageQueue = z.infer<typeof TriageQueueSchema>;

/** The calls list's filters and sort without its page: what an export of "these calls" writes. */
export const CallExportQuerySchema = CallListQuerySchema.omit({ offset: true, limit: true });
export type CallExportQuery = z.input<typeof CallExportQuerySchema>;

/** The printable report of a period: calls that started from `from` (inclusive) to `to` (exclusive). */
export const CallReportQuerySchema = z
  .object({ from: EpochMsSchema, to: EpochMsSchema })
  .refine((period) => period.from < period.to, { message: 'The period must end after it starts', path: ['to'] });
export type CallReportQuery = z.input<typeof CallReportQuerySchema>;

/** One tag put on or taken off a call (the drawer's tag box). */
export const CallTagInputSchema = z.object({ id: z.string().min(1).max(64), tag: tagName });
