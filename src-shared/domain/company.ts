import { z } from 'zod';
import { EpochMsSchema } from './contact';
import { ActivityItemSchema } from './timeline';

// Companies as records: a firm with its people (a person belongs to zero or one company). The
// SQL is src-main/companies/queries.ts; the screens are src-renderer/features/companies/.

/** An e-mail domain as a company lists it: "hartley-lettings.co.uk", lower case, no "@". */
export const DomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'Not a domain like example.co.uk');

const draftShape = {
  name: z.string().trim().min(1, 'A company needs a name').max(200),
  domains: z.array(DomainSchema).max(20),
  address: z.string().trim().max(500),
  phone: z.string().trim().max(40),
  notes: z.string().max(20_000),
};

export const CompanyDraftSchema = z.object({
  name: draftShape.name,
  domains: draftShape.domains.default([]),
  address: draftShape.address.default(''),
  phone: draftShape.phone.default(''),
  notes: draftShape.notes.default(''),
});
export type CompanyDraft = z.input<typeof CompanyDraftSchema>;

export const CompanyPatchSchema = z
  .object({ ...draftShape, primaryContactId: z.string().max(200).nullable() })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Change at least one field');
export type CompanyPatch = z.input<typeof CompanyPatchSchema>;

export const CompanySchema = z.object({
  id: z.string(),
  name: z.string(),
  domains: z.array(z.string()),
  address: z.string(),
  phone: z.string(),
  notes: z.string(),
  primaryContactId: z.string().nullable(),
  peopleCount: z.number().int(),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
});
export type Company = z.infer<typeof CompanySchema>;

export const CompanyListQuerySchema = z.object({
  search: z.string().max(200).default(''),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type CompanyListQuery = z.input<typeof CompanyListQuerySchema>;

export const CompanyPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  jobTitle: z.string(),
  decisionMaker: z.boolean(),
  primary: z.boolean(),
  email: z.string(),
  phone: z.string(),
});
export type CompanyPerson = z.infer<typeof CompanyPersonSchema>;

const AmountSchema = z.object({ currency: z.string(), amountMinor: z.number().int() });

/** The company page: its people and what is theirs, rolled up. */
export const CompanyRollupSchema = z.object({
  company: CompanySchema,
  people: z.array(CompanyPersonSchema),
  /** The people's timelines as one, newest first, each item naming its person. */
  timeline: z.array(ActivityItemSchema),
  deals: z.array(
    z.object({ id: z.string(), title: z.string(), contactName: z.string(), stageName: z.string(), outcome: z.string(), valueMinor: z.number().int(), currency: z.string() }),
  ),
  jobs: z.array(
    z.object({ id: z.string(), title: z.string(), contactName: z.string(), status: z.string(), invoicedMinor: z.number().int().nullable(), currency: z.string(), paidAt: EpochMsSchema.nullable() }),
  ),
  files: z.array(z.object({ id: z.string(), name: z.string(), contactName: z.string(), sizeBytes: z.number().int(), createdAt: EpochMsSchema })),
  /** Paid jobs and won deals, per currency (never added across currencies). */
  revenue: z.object({ paidJobs: z.array(AmountSchema), wonDeals: z.array(AmountSchema) }),
});
export type CompanyRollup = z.infer<typeof CompanyRollupSchema>;

export const MembershipSchema = z.object({
  contactId: z.string().min(1).max(200),
  /** null: the person leaves their company. */
  companyId: z.string().min(1).max(200).nullable(),
  jobTitle: z.string().trim().max(200).optional(),
  decisionMaker: z.boolean().optional(),
  /** Make this person the company's primary contact. */
  primary: z.boolean().optional(),
});
export type Membership = z.input<typeof MembershipSchema>;

/** One group of the "link existing contacts" review: contacts that name the same firm. */
export const LinkSuggestionSchema = z.object({
  /** Stable key of the group: "name:<normalised name>" or "domain:<domain>". */
  key: z.string(),
  /** What the new company would be called (the most used spelling), or the existing company's name. */
  companyName: z.string(),
  /** The existing company the contacts would join; null: a new company is made. */
  companyId: z.string().nullable(),
  reason: z.enum(['name', 'domain']),
  domain: z.string().nullable(),
  contacts: z.array(z.object({ id: z.string(), name: z.string(), company: z.string(), email: z.string() })),
});
export type LinkSuggestion = z.infer<typeof LinkSuggestionSchema>;

/** The contact fields a merge chooses between, each kept from one side. Lists (phones, e-mails, tags) are joined. */
export const contactMergeFields = ['name', 'kind', 'company', 'jobTitle', 'address', 'contactType', 'status', 'owner', 'source', 'potentialValue', 'summary', 'doNotContact'] as const;
export type ContactMergeField = (typeof contactMergeFields)[number];

export const companyMergeFields = ['name', 'domains', 'address', 'phone', 'notes'] as const;
export type CompanyMergeField = (typeof companyMergeFields)[number];

/** Where a merge takes each differing field from: the survivor's value, or the other's. */
export const MergeSideSchema = z.enum(['survivor', 'other']);
export type MergeSide = z.infer<typeof MergeSideSchema>;

/**
 * The fields after a merge: each field named in `fromOther` takes the other's value, every other
 * field keeps the survivor's. Pure, so the dialog's preview and the core agree.
 */
export function chooseFields<T extends Record<string, unknown>, K extends keyof T>(survivor: T, other: T, fields: readonly K[], fromOther: readonly K[]): Pick<T, K> {
  const chosen = {} as Pick<T, K>;
  for (const field of fields) chosen[field] = fromOther.includes(field) ? other[field] : survivor[field];
  return chosen;
}

/** The fields whose values differ (compared as JSON): the only ones a merge dialog asks about. */
export function differingFields<T extends Record<string, unknown>, K extends keyof T>(left: T, right: T, fields: readonly K[]): K[] {
  return fields.filter((field) => JSON.stringify(left[field]) !== JSON.stringify(right[field]));
}

const legalSuffixes = new Set(['ltd', 'limited', 'plc', 'llp', 'llc', 'inc', 'incorporated', 'co', 'company', 'corp', 'gmbh']);

/**
 * A company name as compared for "same firm": case, accents and punctuation ignored, "&" read as
 * "and", a trailing legal form (Ltd, Limited, PLC, LLP, Inc, Co) dropped. "Hartley & Sons Ltd."
 * and "hartley and sons limited" are both "hartley and sons".
 */
export function normaliseCompanyName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && legalSuffixes.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

/** Mail providers anyone can sign up to: their domain says nothing about a person's firm. */
export const freeMailDomains: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'hotmail.com', 'hotmail.co.uk', 'outlook.com', 'live.com', 'live.co.uk', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'aol.co.uk', 'btinternet.com',
  'sky.com', 'virginmedia.com', 'talktalk.net', 'protonmail.com', 'proton.me', 'gmx.com', 'gmx.co.uk', 'mail.com', 'zoho.com',
  'fastmail.com', 'hey.com', 'tutanota.com', 'qq.com', 'web.de', 'orange.fr', 'free.fr', 'ntlworld.com', 'blueyonder.co.uk',
]);

/** The firm's domain of an e-mail address, or null for a free-mail address or none. */
export function companyDomainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at < 0) return null;
  const domain = address.slice(at + 1).trim().toLowerCase();
  if (!domain.includes('.') || freeMailDomains.has(domain)) return null;
  return domain;
}
