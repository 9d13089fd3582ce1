import { z } from 'zod';
import { callDirections } from './call';
import {
  AddressSchema,
  ContactListQuerySchema,
  contactKinds,
  contactStatuses,
  CustomFieldValuesSchema,
  EmailSchema,
  emailTypes,
  EpochMsSchema,
  MoneySchema,
  PhoneSchema,
  phoneTypes,
} from './contact';
import { noteKinds } from './note';

// Data in and out: CSV and vCard import with a mapping step, CSV and JSON export, backups.
// The core side is src-main/exchange/; the channels are src-shared/ipc/exchange.ts.

// ---------------------------------------------------------------- import: mapping

/** Products whose contact exports are recognised by their headers. */
export const importSources = ['fieldbook', 'google', 'outlook', 'hubspot', 'salesforce', 'pipedrive', 'generic'] as const;
export type ImportSource = (typeof importSources)[number];

/** Targets a column can fill that hold one value (several columns: the first non-empty wins, see below). */
export const scalarImportFields = [
  /** Fieldbook's own id: kept when no contact in this data folder has it yet. */
  'id',
  /** The full name; when empty the name is composed of the name parts. */
  'name',
  'namePrefix',
  'firstName',
  'middleName',
  'lastName',
  'nameSuffix',
  'kind',
  'company',
  'jobTitle',
  'contactType',
  'status',
  'owner',
  'source',
  /** Several values separated by `;` or ` ::: ` (Google). */
  'tags',
  /** Several columns are joined with a blank line. */
  'summary',
  'doNotContact',
  /** A plain decimal such as 1234.50, in the currency of the currency column or of the settings. */
  'potentialValue',
  'currency',
  'createdAt',
  'updatedAt',
  /** Fieldbook's own list form: `mobile +447700900123; work +442079460958`. */
  'phones',
  /** Fieldbook's own list form: `work ann@example.com; personal ann@home.example`. */
  'emails',
] as const;
export type ScalarImportField = (typeof scalarImportFields)[number];

export const addressImportFields = ['street', 'city', 'region', 'postcode', 'country'] as const;
export type AddressImportField = (typeof addressImportFields)[number];

const ColumnIndex = z.number().int().min(0).max(999);

export const ImportTargetSchema = z.union([
  z.object({ field: z.literal('ignore') }),
  z.object({ field: z.enum(scalarImportFields) }),
  z.object({
    field: z.enum(addressImportFields),
    /**
     * Which address of the row this column belongs to (0 = business/first, 1 = home/second …).
     * A contact has one address: per row, the lowest group with any value is kept, whole.
     */
    group: z.number().int().min(0).max(9).default(0),
  }),
  z.object({
    field: z.literal('phone'),
    type: z.enum(phoneTypes),
    /** A column holding this phone's label per row ("Mobile", "Work" …); `type` is the fallback. */
    typeColumn: ColumnIndex.nullable().default(null),
  }),
  z.object({
    field: z.literal('email'),
    type: z.enum(emailTypes),
    typeColumn: ColumnIndex.nullable().default(null),
  }),
  z.object({
    field: z.literal('custom'),
    customFieldId: z.string().regex(/^[a-z0-9_]{1,64}$/, 'Use lower-case letters, digits and _ for a field id'),
    /** When the custom field does not exist yet: create it (before the import) with this label and kind. */
    create: z
      .object({ label: z.string().trim().min(1).max(60), kind: z.enum(['text', 'number', 'date']) })
      .optional(),
  }),
]);
export type ImportTarget = z.infer<typeof ImportTargetSchema>;
export type ImportTargetInput = z.input<typeof ImportTargetSchema>;

export const ColumnMappingSchema = z.object({ column: ColumnIndex, target: ImportTargetSchema });
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

/** One entry per column; columns left out are ignored. */
export const ImportMappingSchema = z
  .array(ColumnMappingSchema)
  .max(1000)
  .refine((mapping) => new Set(mapping.map((entry) => entry.column)).size === mapping.length, 'Map each column once');

export const duplicateActions = ['skip', 'update', 'create'] as const;
export type DuplicateAction = (typeof duplicateActions)[number];

const Region = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'Use a two-letter country code such as GB or US')
  .transform((code) => code.toUpperCase());

export const importFormats = ['csv', 'vcard'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** What the import wizard sends for both the preview and the real run. */
export const ImportOptionsSchema = z.object({
  /** Detected from the content when absent (a file starting with BEGIN:VCARD is a vCard). */
  format: z.enum(importFormats).optional(),
  /** CSV only; the suggested mapping when absent. */
  mapping: ImportMappingSchema.optional(),
  /** For numbers written without a country code; the settings' default region when absent. */
  region: Region.optional(),
  onDuplicate: z.enum(duplicateActions).default('skip'),
  /** Per-row choices for duplicates, by line number, overriding onDuplicate. */
  decisions: z.record(z.string().regex(/^\d+$/), z.enum(duplicateActions)).default({}),
  /** The file's name as the user picked it, for the import history. */
  fileName: z.string().trim().max(255).default('import'),
});
export type ImportOptions = z.output<typeof ImportOptionsSchema>;
export type ImportOptionsInput = z.input<typeof ImportOptionsSchema>;

// ---------------------------------------------------------------- import: preview and report

/** A contact as the import will store it. `id` is null when a new id will be made. */
export const ImportedContactSchema = z.object({
  id: z.string().nullable(),
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
  potentialValue: MoneySchema.nullable(),
  summary: z.string(),
  doNotContact: z.boolean(),
  customFields: CustomFieldValuesSchema,
  createdAt: EpochMsSchema.nullable(),
  updatedAt: EpochMsSchema.nullable(),
});
export type ImportedContact = z.infer<typeof ImportedContactSchema>;

/** A row that cannot be stored, and why; `line` is the 1-based line of the file where the row starts. */
export const RowProblemSchema = z.object({ line: z.number().int().min(1), reason: z.string() });
export type RowProblem = z.infer<typeof RowProblemSchema>;

/**
 * A value of a stored row that could not be used, with the line where it is and what became of
 * it: kept in the contact's summary as written ("Imported as written: phone 123456789"), or left
 * out when it was a placeholder such as Outlook's "BusinessPhone". The contact itself is stored.
 */
export const RowWarningSchema = RowProblemSchema;
export type RowWarning = RowProblem;

export const DuplicateFindingSchema = z.object({
  line: z.number().int().min(1),
  name: z.string(),
  /** In words: "same e-mail ann@example.com". */
  reason: z.string(),
  /** The existing contact it matches, or null when it matches an earlier row of the same file. */
  existing: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The earlier row of the file it matches, when it does. */
  earlierLine: z.number().int().nullable(),
  /** What will happen (preview) or happened (report) to this row. */
  action: z.enum(duplicateActions),
});
export type DuplicateFinding = z.infer<typeof DuplicateFindingSchema>;

export const PreviewRowSchema = z.object({
  line: z.number().int().min(1),
  /** The raw cells of the row (CSV); empty for vCard. */
  cells: z.array(z.string()),
  contact: ImportedContactSchema.nullable(),
  problem: z.string().nullable(),
  duplicate: DuplicateFindingSchema.nullable(),
  /** The row's warnings (its values that cannot be used). */
  warnings: z.array(z.string()).default([]),
  /** Whether the row brings a picture (a vCard PHOTO) for the contact. */
  hasPhoto: z.boolean().default(false),
});
export type PreviewRow = z.infer<typeof PreviewRowSchema>;

/** Lists in previews and reports are cut at this length; the counts are always complete. */
export const reportListLimit = 1000;

export const ImportCountsSchema = z.object({
  /** Data rows (CSV) or cards (vCard) in the file, blank lines not counted. */
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  /** Of `created`: rows that matched a contact but were created anyway. */
  createdDuplicates: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCountsSchema>;

export const ImportPreviewSchema = z.object({
  format: z.enum(importFormats),
  /** How the bytes were read: utf-8, utf-8 with BOM, utf-16le/be or windows-1252. */
  encoding: z.string(),
  delimiter: z.string().nullable(),
  source: z.enum(importSources),
  headers: z.array(z.string()),
  /** The mapping used: the one sent, or the suggestion when none was. */
  mapping: z.array(ColumnMappingSchema),
  region: z.string(),
  /** The first rows as they will be stored. */
  preview: z.array(PreviewRowSchema),
  /** What a run with these options would do, for the whole file. */
  counts: ImportCountsSchema,
  problems: z.array(RowProblemSchema),
  duplicates: z.array(DuplicateFindingSchema),
  /** Values of stored rows that could not be used (cut at reportListLimit; warningCount is complete). */
  warnings: z.array(RowWarningSchema).default([]),
  warningCount: z.number().int().default(0),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportReportSchema = z.object({
  batchId: z.string(),
  fileName: z.string(),
  format: z.enum(importFormats),
  /** `cancelled`: everything the run had stored was taken out again. */
  state: z.enum(['done', 'cancelled']),
  startedAt: EpochMsSchema,
  finishedAt: EpochMsSchema,
  counts: ImportCountsSchema,
  problems: z.array(RowProblemSchema),
  duplicates: z.array(DuplicateFindingSchema),
  warnings: z.array(RowWarningSchema).default([]),
  warningCount: z.number().int().default(0),
  /** Whether exchange.importErrors has rows to download. */
  hasErrorFile: z.boolean(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const ImportBatchSummarySchema = z.object({
  batchId: z.string(),
  fileName: z.string(),
  format: z.enum(importFormats),
  startedAt: EpochMsSchema,
  counts: ImportCountsSchema,
  undoneAt: EpochMsSchema.nullable(),
  /**
   * The import stopped part-way (the app or computer was killed): `counts` are what its record
   * shows as stored. Undo takes it back out; importing the file again then finishes the job.
   */
  interrupted: z.boolean().default(false),
});
export type ImportBatchSummary = z.infer<typeof ImportBatchSummarySchema>;

export const UndoReportSchema = z.object({
  batchId: z.string(),
  /** Contacts the import had created, now deleted (restorable like any deleted contact). */
  removed: z.number().int(),
  /** Contacts the import had updated, with the import's changes reverted. */
  reverted: z.number().int(),
  /** Fields changed again by someone after the import: left as they are now. */
  keptLaterEdits: z.number().int(),
});
export type UndoReport = z.infer<typeof UndoReportSchema>;

// ---------------------------------------------------------------- export

export const exportEntities = ['contacts', 'notes', 'followUps', 'calls'] as const;
export type ExportEntity = (typeof exportEntities)[number];

/**
 * standard: Fieldbook's own columns; a contacts export imports back unchanged (ids included).
 * accountant: for people in a spreadsheet: every phone and e-mail, values as the screens label
 *   them, dates in the office's time zone, amounts as plain decimals with a currency column, text
 *   that looks like a number kept as text (docs/exports.md).
 * salesforce: the field names of Salesforce's contact import (contacts only).
 */
export const exportPresets = ['standard', 'accountant', 'salesforce'] as const;
export type ExportPreset = (typeof exportPresets)[number];

export const csvDelimiters = [',', ';', '\t'] as const;

const exportFormatShape = {
  preset: z.enum(exportPresets).default('standard'),
  /** Column keys of exportColumns[entity], in order; the preset's columns when absent. */
  columns: z.array(z.string().min(1).max(80)).min(1).max(200).optional(),
  delimiter: z.enum(csvDelimiters).default(','),
  /** A UTF-8 byte order mark, so Excel reads the file as UTF-8. */
  bom: z.boolean().default(true),
  /** Write amounts as 1234,50 (for locales where Excel expects a decimal comma). */
  decimalComma: z.boolean().default(false),
  /** Prefix cells that a spreadsheet would run as a formula (=, +, -, @) with an apostrophe. */
  protectFormulas: z.boolean().default(true),
  /** Only these rows (a list's selection); the view's filters are then not applied. Contacts keep this order. */
  ids: z.array(z.string().min(1).max(64)).min(1).max(200_000).optional(),
};

const DateRange = { from: EpochMsSchema.optional(), to: EpochMsSchema.optional() };
const Id = z.string().min(1).max(64);

export const ExportCsvOptionsSchema = z.discriminatedUnion('entity', [
  z.object({
    entity: z.literal('contacts'),
    ...exportFormatShape,
    /** The current view: search, filters and sort of the contact list. */
    view: ContactListQuerySchema.pick({ query: true, filters: true, sort: true }).default({
      query: '',
      filters: { owner: 'team' },
      sort: { field: 'name', direction: 'asc' },
    }),
  }),
  z.object({
    entity: z.literal('notes'),
    ...exportFormatShape,
    view: z.object({ contactId: Id.optional(), kind: z.enum(noteKinds).optional(), ...DateRange }).default({}),
  }),
  z.object({
    entity: z.literal('followUps'),
    ...exportFormatShape,
    view: z
      .object({
        contactId: Id.optional(),
        state: z.enum(['open', 'done', 'all']).default('all'),
        assignee: z.string().max(120).optional(),
        /** Due between from and to. */
        ...DateRange,
      })
      .default({ state: 'all' }),
  }),
  z.object({
    entity: z.literal('calls'),
    ...exportFormatShape,
    view: z
      .object({
        contactId: Id.optional(),
        direction: z.enum(callDirections).optional(),
        disposition: z.string().max(60).optional(),
        unansweredOnly: z.boolean().default(false),
        /** Started between from and to. */
        ...DateRange,
      })
      .default({ unansweredOnly: false }),
  }),
]);
export type ExportCsvOptions = z.output<typeof ExportCsvOptionsSchema>;
export type ExportCsvOptionsInput = z.input<typeof ExportCsvOptionsSchema>;

export interface ExportColumnInfo {
  key: string;
  header: string;
}

const col = (key: string, header: string): ExportColumnInfo => ({ key, header });

/**
 * The columns a user can pick, per entity. Contacts also get one `custom.<id>` column per custom
 * field (header "Custom: <label>"). When adding a contact field: a column here, its value in
 * src-main/exchange/export/columns.ts, and its import target (import/header-mapping.ts).
 */
export const exportColumns: Record<ExportEntity, ExportColumnInfo[]> = {
  contacts: [
    col('id', 'Id'),
    col('kind', 'Kind'),
    col('name', 'Name'),
    col('firstName', 'First Name'),
    col('lastName', 'Last Name'),
    col('company', 'Company'),
    col('jobTitle', 'Job Title'),
    col('phones', 'Phones'),
    col('emails', 'E-mails'),
    col('primaryPhone', 'Phone'),
    col('mobilePhone', 'Mobile Phone'),
    col('primaryEmail', 'E-mail'),
    col('street', 'Street'),
    col('city', 'City'),
    col('region', 'Region'),
    col('postcode', 'Postcode'),
    col('country', 'Country'),
    col('contactType', 'Contact Type'),
    col('status', 'Status'),
    col('owner', 'Owner'),
    col('source', 'Source'),
    col('tags', 'Tags'),
    /** Derived from follow-ups: exported, never imported. */
    col('nextFollowUpAt', 'Next Follow-up'),
    col('potentialValue', 'Potential Value'),
    col('currency', 'Currency'),
    col('summary', 'Summary'),
    col('doNotContact', 'Do Not Contact'),
    col('createdAt', 'Created'),
    col('updatedAt', 'Updated'),
    col('sf.FirstName', 'FirstName'),
    col('sf.LastName', 'LastName'),
    col('sf.AccountName', 'Account Name'),
    col('sf.Title', 'Title'),
    col('sf.Email', 'Email'),
    col('sf.Phone', 'Phone'),
    col('sf.MobilePhone', 'MobilePhone'),
    col('sf.HomePhone', 'HomePhone'),
    col('sf.Fax', 'Fax'),
    col('sf.MailingStreet', 'MailingStreet'),
    col('sf.MailingCity', 'MailingCity'),
    col('sf.MailingState', 'MailingState'),
    col('sf.MailingPostalCode', 'MailingPostalCode'),
    col('sf.MailingCountry', 'MailingCountry'),
    col('sf.LeadSource', 'LeadSource'),
    col('sf.Description', 'Description'),
    col('sf.DoNotCall', 'DoNotCall'),
  ],
  notes: [
    col('id', 'Id'),
    col('contactId', 'Contact Id'),
    col('contactName', 'Contact'),
    col('kind', 'Kind'),
    col('body', 'Body'),
    col('pinned', 'Pinned'),
    col('author', 'Author'),
    col('createdAt', 'Created'),
    col('updatedAt', 'Updated'),
  ],
  followUps: [
    col('id', 'Id'),
    col('contactId', 'Contact Id'),
    col('contactName', 'Contact'),
    col('title', 'Title'),
    col('dueAt', 'Due'),
    col('assignee', 'Assignee'),
    col('priority', 'Priority'),
    col('state', 'State'),
    col('doneAt', 'Done'),
    col('callId', 'Call Id'),
    col('slaRuleId', 'SLA Rule'),
    col('createdBy', 'Created By'),
    col('createdAt', 'Created'),
  ],
  calls: [
    col('id', 'Id'),
    col('contactId', 'Contact Id'),
    col('contactName', 'Contact'),
    col('direction', 'Direction'),
    col('number', 'Number'),
    col('startedAt', 'Started'),
    col('durationSeconds', 'Duration (s)'),
    col('status', 'Status'),
    col('disposition', 'Outcome'),
    col('notes', 'Notes'),
    col('provider', 'Provider'),
    col('providerId', 'Provider Id'),
    col('spam', 'Spam'),
    col('emergency', 'Emergency'),
    col('loggedBy', 'Logged By'),
  ],
};

/** Prefix of the per-custom-field contact columns: `custom.<field id>`. */
export const customColumnPrefix = 'custom.';
export const customColumnHeader = (label: string) => `Custom: ${label}`;

/** The columns of each preset; `custom.*` stands for every custom field, in the settings' order. */
export const exportPresetColumns: Record<ExportEntity, Partial<Record<ExportPreset, string[]>>> = {
  contacts: {
    standard: [
      'id', 'kind', 'name', 'company', 'jobTitle', 'phones', 'emails', 'street', 'city', 'region', 'postcode', 'country',
      'contactType', 'status', 'owner', 'source', 'tags', 'potentialValue', 'currency', 'summary',
      'doNotContact', 'createdAt', 'updatedAt', 'custom.*',
    ],
    accountant: [
      'id', 'name', 'company', 'kind', 'phones', 'emails', 'street', 'city', 'region', 'postcode', 'country',
      'contactType', 'status', 'owner', 'potentialValue', 'currency', 'nextFollowUpAt', 'createdAt', 'updatedAt',
    ],
    salesforce: [
      'sf.FirstName', 'sf.LastName', 'sf.AccountName', 'sf.Title', 'sf.Email', 'sf.Phone', 'sf.MobilePhone', 'sf.HomePhone',
      'sf.Fax', 'sf.MailingStreet', 'sf.MailingCity', 'sf.MailingState', 'sf.MailingPostalCode', 'sf.MailingCountry',
      'sf.LeadSource', 'sf.Description', 'sf.DoNotCall',
    ],
  },
  notes: {
    standard: ['id', 'contactId', 'contactName', 'kind', 'body', 'pinned', 'author', 'createdAt', 'updatedAt'],
    accountant: ['id', 'contactId', 'contactName', 'kind', 'body', 'author', 'createdAt'],
  },
  followUps: {
    standard: ['id', 'contactId', 'contactName', 'title', 'dueAt', 'assignee', 'priority', 'state', 'doneAt', 'createdBy', 'createdAt'],
    accountant: ['id', 'contactId', 'contactName', 'title', 'dueAt', 'state', 'doneAt', 'assignee'],
  },
  calls: {
    standard: [
      'id', 'contactId', 'contactName', 'direction', 'number', 'startedAt', 'durationSeconds', 'status', 'disposition',
      'notes', 'provider', 'providerId', 'spam', 'emergency', 'loggedBy',
    ],
    accountant: ['id', 'contactId', 'contactName', 'direction', 'number', 'startedAt', 'durationSeconds', 'status', 'disposition'],
  },
};

export const ExportResultSchema = z.object({
  fileName: z.string(),
  /** Where the file was written (dataDir/exports/ for exports asked for over a channel). */
  path: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
});
export type ExportResult = z.infer<typeof ExportResultSchema>;

/** vCard export: 3.0 is what phones read best; 4.0 for programs that want RFC 6350. */
export const vcardVersions = ['3.0', '4.0'] as const;

export const ExportVcardOptionsSchema = z.object({
  version: z.enum(vcardVersions).default('3.0'),
  /** One contact or a selection, in this order; every live contact (by name) when absent. */
  contactIds: z.array(Id).min(1).max(100_000).optional(),
});
export type ExportVcardOptions = z.output<typeof ExportVcardOptionsSchema>;

// ---------------------------------------------------------------- backup

export const BackupInfoSchema = z.object({
  fileName: z.string(),
  path: z.string(),
  bytes: z.number().int(),
  createdAt: EpochMsSchema,
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

export const BackupResultSchema = BackupInfoSchema.extend({ blobs: z.number().int() });
export type BackupResult = z.infer<typeof BackupResultSchema>;

// ---------------------------------------------------------------- jobs

export const jobKinds = ['import', 'export', 'backup'] as const;
export type JobKind = (typeof jobKinds)[number];
export const jobStates = ['running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof jobStates)[number];

export const JobProgressSchema = z.object({
  jobId: z.string(),
  kind: z.enum(jobKinds),
  /** reading | checking | writing | undoing (import), writing (export), database | files (backup). */
  phase: z.string(),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type JobProgress = z.infer<typeof JobProgressSchema>;

export const JobStatusSchema = JobProgressSchema.extend({
  state: z.enum(jobStates),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  importReport: ImportReportSchema.nullable(),
  exportResult: ExportResultSchema.nullable(),
  backupResult: BackupResultSchema.nullable(),
});
export type JobStatus = z.infer<typeof JobStatusSchema>;

export const JobFinishedSchema = z.object({ jobId: z.string(), kind: z.enum(jobKinds), state: z.enum(jobStates) });
export type JobFinished = z.infer<typeof JobFinishedSchema>;
