import { z } from 'zod';

// When adding a contact field: this schema, src-main/db/schema.ts (column + migration),
// src-main/contacts/row-mapping.ts (both directions), the export columns (src-main/exchange/export/columns.ts),
// and the vCard properties (src-main/exchange/vcard/vocabulary.ts and write.ts).

export const contactKinds = ['person', 'company'] as const;
export const contactStatuses = ['active', 'won', 'lost', 'dormant'] as const;
export const phoneTypes = ['mobile', 'work', 'home', 'main', 'fax', 'other'] as const;
export const emailTypes = ['work', 'personal', 'other'] as const;

export type ContactKind = (typeof contactKinds)[number];
export type ContactStatus = (typeof contactStatuses)[number];
export type PhoneType = (typeof phoneTypes)[number];
export type EmailType = (typeof emailTypes)[number];

export const e164Pattern = /^\+[1-9]\d{6,14}$/;

export const MoneySchema = z.object({
  /** Integer minor units (cents, pence). */
  amountMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as EUR'),
});
export type Money = z.infer<typeof MoneySchema>;

/** A phone as typed by a person; the core normalises it to E.164 with the default region. */
export const PhoneInputSchema = z.object({
  type: z.enum(phoneTypes),
  number: z.string().trim().min(1, 'Enter a phone number').max(40),
});
export type PhoneInput = z.infer<typeof PhoneInputSchema>;

export const PhoneSchema = z.object({
  type: z.enum(phoneTypes),
  e164: z.string().regex(e164Pattern),
});
export type Phone = z.infer<typeof PhoneSchema>;

export const EmailSchema = z.object({
  type: z.enum(emailTypes),
  address: z.string().trim().max(254).pipe(z.email('Enter a valid e-mail address')),
});
export type Email = z.infer<typeof EmailSchema>;

export const AddressSchema = z.object({
  street: z.string().trim().max(200).default(''),
  city: z.string().trim().max(100).default(''),
  region: z.string().trim().max(100).default(''),
  postcode: z.string().trim().max(20).default(''),
  country: z.string().trim().max(100).default(''),
});
export type Address = z.infer<typeof AddressSchema>;

export const CustomFieldValueSchema = z.union([z.string().max(2000), z.number().finite(), z.null()]);
export const CustomFieldValuesSchema = z.record(z.string().min(1).max(64), CustomFieldValueSchema);
export type CustomFieldValues = z.infer<typeof CustomFieldValuesSchema>;

export const tagName = z
  .string()
  .trim()
  .min(1, 'A tag cannot be empty')
  .max(40, 'A tag is at most 40 characters');

/** A picture's SHA-256 in the file store (the same form as a file's, src-shared/domain/file.ts). */
export const PhotoShaSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** Epoch milliseconds, UTC. Every moment in Fieldbook is stored and sent this way. */
export const EpochMsSchema = z.number().int().min(0).max(8.64e15);

const draftShape = {
  kind: z.enum(contactKinds),
  name: z.string().trim().min(1, 'A contact needs a name').max(200),
  company: z.string().trim().max(200),
  jobTitle: z.string().trim().max(200),
  phones: z.array(PhoneInputSchema).max(20),
  emails: z.array(EmailSchema).max(20),
  address: AddressSchema,
  contactType: z.string().trim().min(1).max(60),
  status: z.enum(contactStatuses),
  owner: z.string().trim().max(120),
  source: z.string().trim().max(200),
  tags: z.array(tagName).max(50),
  potentialValue: MoneySchema.nullable(),
  summary: z.string().max(5000),
  doNotContact: z.boolean(),
  customFields: CustomFieldValuesSchema,
};

/** What a person fills in to create a contact. Omitted fields take their defaults. */
export const ContactDraftSchema = z.object({
  kind: draftShape.kind.default('person'),
  name: draftShape.name,
  company: draftShape.company.default(''),
  jobTitle: draftShape.jobTitle.default(''),
  phones: draftShape.phones.default([]),
  emails: draftShape.emails.default([]),
  address: AddressSchema.default({ street: '', city: '', region: '', postcode: '', country: '' }),
  /** Defaults to the first configured contact type. */
  contactType: draftShape.contactType.optional(),
  status: draftShape.status.default('active'),
  /** Defaults to the user's own name from settings. */
  owner: draftShape.owner.optional(),
  source: draftShape.source.default(''),
  tags: draftShape.tags.default([]),
  potentialValue: draftShape.potentialValue.default(null),
  summary: draftShape.summary.default(''),
  doNotContact: draftShape.doNotContact.default(false),
  customFields: draftShape.customFields.default({}),
});
export type ContactDraft = z.input<typeof ContactDraftSchema>;

/**
 * A partial edit: only the fields present are changed (and logged). `phones` and `emails` are
 * the whole lists as they should be (the core works out which number was added, removed or
 * edited, and merges that item by item with teammates' edits); `customFields` sets the fields it
 * names (null or '' clears one) and leaves the others as they are.
 */
export const ContactPatchSchema = z
  .object(draftShape)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Change at least one field');
export type ContactPatch = z.input<typeof ContactPatchSchema>;

export const ContactSchema = z.object({
  id: z.string(),
  kind: z.enum(contactKinds),
  name: z.string(),
  company: z.string(),
  jobTitle: z.string(),
  phones: z.array(PhoneSchema),
  emails: z.array(EmailSchema),
  address: AddressSchema,
  contactType: z.string(),
  status: z.enum(contactStatuses),
  owner: z.string(),
  source: z.string(),
  tags: z.array(z.string()),
  /** Derived: the earliest due time of the contact's open follow-ups. */
  nextFollowUpAt: EpochMsSchema.nullable(),
  potentialValue: MoneySchema.nullable(),
  summary: z.string(),
  doNotContact: z.boolean(),
  customFields: CustomFieldValuesSchema,
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  /** SHA-256 of the contact's picture in the file store (served at api.fileUrl); null when it has none. Set with contacts.setPhoto. */
  photoSha256: PhotoShaSchema.nullable(),
  /** The company record this person belongs to (src-shared/domain/company.ts), or null; `company` is its name as text. */
  companyId: z.string().nullable(),
  /** Decides for their company. */
  decisionMaker: z.boolean(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const ContactListItemSchema = z.object({
  id: z.string(),
  kind: z.enum(contactKinds),
  name: z.string(),
  company: z.string(),
  primaryPhone: z.string().nullable(),
  primaryEmail: z.string().nullable(),
  contactType: z.string(),
  status: z.enum(contactStatuses),
  owner: z.string(),
  tags: z.array(z.string()),
  nextFollowUpAt: EpochMsSchema.nullable(),
  potentialValue: MoneySchema.nullable(),
  doNotContact: z.boolean(),
  updatedAt: EpochMsSchema,
  photoSha256: PhotoShaSchema.nullable(),
});
export type ContactListItem = z.infer<typeof ContactListItemSchema>;

export const contactSortFields = [
  'name',
  'company',
  'contactType',
  'status',
  'owner',
  'nextFollowUpAt',
  'potentialValue',
  'updatedAt',
  'createdAt',
] as const;
export type ContactSortField = (typeof contactSortFields)[number];

export const ContactListQuerySchema = z.object({
  /** Search as you type: names, company, e-mails, tags, and any run of phone digits. */
  query: z.string().max(200).default(''),
  filters: z
    .object({
      contactType: z.string().max(60).optional(),
      status: z.enum(contactStatuses).optional(),
      tag: z.string().max(40).optional(),
      /** "mine": owned by the user named in settings; "team": everyone's. */
      owner: z.enum(['mine', 'team']).default('team'),
      /** Only contacts whose next follow-up is due by the end of today (local time of the caller). */
      followUpDueBy: EpochMsSchema.optional(),
      /** Only the members of this saved segment (src-shared/domain/segment.ts). */
      segmentId: z.string().min(1).max(64).optional(),
    })
    .default({ owner: 'team' }),
  sort: z
    .object({
      field: z.enum(contactSortFields),
      direction: z.enum(['asc', 'desc']),
    })
    .default({ field: 'name', direction: 'asc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type ContactListQuery = z.input<typeof ContactListQuerySchema>;

export const ContactListPageSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  items: z.array(ContactListItemSchema),
});
export type ContactListPage = z.infer<typeof ContactListPageSchema>;

export const DuplicateMatchSchema = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string(),
  /** What matched, in words a person understands: "same e-mail ann@example.com". */
  reason: z.string(),
});
export type DuplicateMatch = z.infer<typeof DuplicateMatchSchema>;
