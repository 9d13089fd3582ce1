import { z } from 'zod';
import { EpochMsSchema } from './contact';

/**
 * A job (ticket) is the work the office does for a contact: a boiler fixed, a roof re-tiled. It
 * moves new → scheduled → in progress → done → invoiced → paid, or is cancelled at any point.
 */
export const jobStatuses = ['new', 'scheduled', 'in_progress', 'done', 'invoiced', 'paid', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export const jobStatusLabels: Record<JobStatus, string> = {
  new: 'New',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  done: 'Done',
  invoiced: 'Invoiced',
  paid: 'Paid',
  cancelled: 'Cancelled',
};

export const jobPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type JobPriority = (typeof jobPriorities)[number];

/** Statuses at which the work is still ahead of the office (the "open" filter). */
export const openJobStatuses: readonly JobStatus[] = ['new', 'scheduled', 'in_progress'];

/** For a job booked before its contact is known: what to find them by (each '' when not given). */
export const JobReachSchema = z.object({
  phone: z.string().trim().max(40),
  email: z.string().trim().max(254),
  company: z.string().trim().max(200),
});
export type JobReach = z.infer<typeof JobReachSchema>;

export const JobSchema = z.object({
  id: z.string(),
  /** '' while the contact is not known yet (then `reach` says what to find them by). */
  contactId: z.string(),
  contactName: z.string(),
  dealId: z.string().nullable(),
  callId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  status: z.enum(jobStatuses),
  priority: z.enum(jobPriorities),
  assignee: z.string(),
  /** When the work is booked for, or null while it is not. */
  scheduledAt: EpochMsSchema.nullable(),
  address: z.string(),
  /** What was invoiced, in minor units of `currency`; null until invoiced. */
  invoicedMinor: z.number().int().nullable(),
  currency: z.string(),
  paidAt: EpochMsSchema.nullable(),
  createdBy: z.string(),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  reach: JobReachSchema,
});
export type Job = z.infer<typeof JobSchema>;

const title = z.string().trim().min(1, 'Say what the job is').max(200);
const amount = z.number().int().min(0, 'An invoiced amount cannot be negative').max(Number.MAX_SAFE_INTEGER);
const currency = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as EUR');

export const JobDraftSchema = z
  .object({
    /** '' when the contact is not known yet: then `reach` must say how to find them. */
    contactId: z.string().max(64).default(''),
    reach: JobReachSchema.partial().default({}),
    dealId: z.string().min(1).max(64).nullable().default(null),
    callId: z.string().min(1).max(64).nullable().default(null),
    title,
    description: z.string().max(20_000).default(''),
    status: z.enum(jobStatuses).default('new'),
    priority: z.enum(jobPriorities).default('normal'),
    /** Defaults to the user who creates it. */
    assignee: z.string().trim().max(120).optional(),
    scheduledAt: EpochMsSchema.nullable().default(null),
    /** Defaults to the contact's address. */
    address: z.string().trim().max(500).optional(),
    invoicedMinor: amount.nullable().default(null),
    /** Defaults to the office's currency. */
    currency: currency.optional(),
    paidAt: EpochMsSchema.nullable().default(null),
  })
  .refine((draft) => draft.contactId !== '' || Object.values(draft.reach).some((value) => value && value.trim()), {
    message: 'Choose the contact the job is for, or give a phone, e-mail or company to find them by',
    path: ['contactId'],
  });
export type JobDraft = z.input<typeof JobDraftSchema>;

export const JobPatchSchema = z
  .object({
    title,
    description: z.string().max(20_000),
    status: z.enum(jobStatuses),
    priority: z.enum(jobPriorities),
    assignee: z.string().trim().max(120),
    scheduledAt: EpochMsSchema.nullable(),
    address: z.string().trim().max(500),
    invoicedMinor: amount.nullable(),
    currency,
    paidAt: EpochMsSchema.nullable(),
    /** Link to a deal, or unlink with null. */
    dealId: z.string().min(1).max(64).nullable(),
    /** Link a job booked without a contact to its contact (a suggestion confirmed). */
    contactId: z.string().min(1).max(64),
  })
  .partial();
export type JobPatch = z.input<typeof JobPatchSchema>;

export const JobListQuerySchema = z.object({
  /** One status, or `open` for new, scheduled and in progress. */
  status: z.union([z.enum(jobStatuses), z.literal('open')]).optional(),
  contactId: z.string().max(64).optional(),
  dealId: z.string().max(64).optional(),
  callId: z.string().max(64).optional(),
  sort: z
    .object({ field: z.enum(['scheduledAt', 'createdAt', 'title', 'status']), direction: z.enum(['asc', 'desc']) })
    .default({ field: 'createdAt', direction: 'desc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type JobListQuery = z.input<typeof JobListQuerySchema>;

/** What the new-job form starts with when a job is made from a call, a contact or a deal. */
export const JobStartSchema = z.object({
  contact: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Without a contact: what the call says about the caller (their number). */
  reach: JobReachSchema,
  dealId: z.string().nullable(),
  callId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  address: z.string(),
  priority: z.enum(jobPriorities),
});
export type JobStart = z.infer<typeof JobStartSchema>;

/**
 * Whether a job may be in `status` with these facts: invoiced and paid need the amount, paid
 * needs the date. Returns the field at fault and why, or null when it may.
 */
export function jobStatusProblem(job: { status: JobStatus; invoicedMinor: number | null; paidAt: number | null }): { field: string; message: string } | null {
  if ((job.status === 'invoiced' || job.status === 'paid') && job.invoicedMinor === null) {
    return { field: 'invoicedMinor', message: 'Enter the invoiced amount before marking the job invoiced or paid' };
  }
  if (job.status === 'paid' && job.paidAt === null) return { field: 'paidAt', message: 'Enter the date it was paid' };
  return null;
}

/** A contact a job without one may be for, and why it was suggested. */
export const ContactSuggestionSchema = z.object({
  contact: z.object({ id: z.string(), name: z.string() }),
  reason: z.enum(['email', 'phone', 'company']),
  /** In words: "Same e-mail address", "Works at Cotham Lettings". */
  because: z.string(),
});
export type ContactSuggestion = z.infer<typeof ContactSuggestionSchema>;
