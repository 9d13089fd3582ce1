import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type IndexColumn } from 'drizzle-orm/sqlite-core';

// The local database. Every synced column has a default, so a row can be created by whichever
// of its changes arrives first from sync. Synced tables have device-generated text ids and a causal length `cl`
// (odd = alive, even = deleted). Only additive migrations touch synced tables.
// When adding a synced column: this file, `npm run db:generate`, the table's entry in
// src-main/writes/synced-tables.ts, and the domain's row mapping.

const alive = sql`cl % 2 = 1`;

/** The columns the contacts list filters on, and cl: its sort indexes carry them (see contacts). */
const filtered = (table: Record<'contactType' | 'status' | 'owner' | 'cl', IndexColumn>) => [table.contactType, table.status, table.owner, table.cl];

export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull().default('person'),
    name: text('name').notNull().default(''),
    company: text('company').notNull().default(''),
    jobTitle: text('job_title').notNull().default(''),
    /**
     * JSON array of { type, e164 }, derived on this laptop from the base list and the item rows
     * (src-main/contacts/list-items.ts); contact_phones is its index. Changes carry it for
     * laptops of schema version 1 (src-shared/sync/merge.ts, legacyListFields).
     */
    phones: text('phones').notNull().default('[]'),
    /** JSON array of { type, address }, derived like phones; contact_emails is its index. */
    emails: text('emails').notNull().default('[]'),
    addressStreet: text('address_street').notNull().default(''),
    addressCity: text('address_city').notNull().default(''),
    addressRegion: text('address_region').notNull().default(''),
    addressPostcode: text('address_postcode').notNull().default(''),
    addressCountry: text('address_country').notNull().default(''),
    contactType: text('contact_type').notNull().default(''),
    status: text('status').notNull().default('active'),
    owner: text('owner').notNull().default(''),
    source: text('source').notNull().default(''),
    nextFollowUpAt: integer('next_follow_up_at'),
    potentialValueMinor: integer('potential_value_minor'),
    potentialValueCurrency: text('potential_value_currency'),
    summary: text('summary').notNull().default(''),
    doNotContact: integer('do_not_contact').notNull().default(0),
    /** JSON object of custom field id -> value, derived like phones (from contact_custom_values). */
    customFields: text('custom_fields').notNull().default('{}'),
    createdAt: integer('created_at').notNull().default(0),
    updatedAt: integer('updated_at').notNull().default(0),
    cl: integer('cl').notNull().default(1),
    /**
     * The contact's picture: bytes in the file store under this SHA-256, with a files row of
     * category 'photo' for the contact, so the picture syncs, is backed up and collected like any
     * file. Null: no picture.
     */
    photoSha256: text('photo_sha256'),
    /** Local key of the row in the full-text tables (contacts_fts, contact_digits_fts). Not synced. */
    searchRowid: integer('search_rowid'),
    /**
     * The base lists: the last whole phones / emails / custom_fields written for this contact
     * (when it was created, or by a laptop of schema version 1), each with its clock in
     * clocks; NULL when none. The item rows (contact_phone_items, …) hold every edit since;
     * phones, emails and custom_fields above are derived from both. Not synced as such.
     */
    basePhones: text('base_phones'),
    baseEmails: text('base_emails'),
    baseCustomFields: text('base_custom_fields'),
    /** The company this person belongs to (companies.id), or null; `company` keeps the name as text. */
    companyId: text('company_id'),
    /** 1 when this person decides for their company. */
    decisionMaker: integer('decision_maker').notNull().default(0),
    /**
     * Set on a contact merged into another (and deleted): the survivor's id. Rows a stale laptop
     * still attaches to this contact are moved to the survivor (src-main/companies/merge-redirect.ts).
     */
    mergedInto: text('merged_into'),
  },
  (table) => [
    uniqueIndex('contacts_search_rowid').on(table.searchRowid),
    // Partial indexes over live rows (odd causal length), each ending in id so that a sorted
    // page reads straight off the index; list queries repeat `cl % 2 = 1` to match them.
    // The name index also carries search_rowid: a search sorted by name (the list's default) walks
    // it and tests each entry against the full-text matches without reading the contact's row.
    index('contacts_alive_name').on(sql`${table.name} COLLATE NOCASE`, table.id, table.searchRowid).where(alive),
    // A search with few matches looks each match up here and sorts them by name without reading
    // the contact's row (cl makes it covering: SQLite reads the partial index's own condition).
    index('contacts_alive_search').on(table.searchRowid, sql`${table.name} COLLATE NOCASE`, table.id, table.cl).where(alive),
    // The other sort indexes also carry the columns the list filters on (type, status, owner) and
    // cl, so a filtered page walks its sort index without reading a contact's row for each entry
    // it passes over: at 100k a page of "won customers by value" read ~500 rows, most of them pages
    // missing from the cache. The name index stays narrow: every search sorted by name walks it.
    index('contacts_alive_company').on(sql`${table.company} COLLATE NOCASE`, table.id, ...filtered(table)).where(alive),
    index('contacts_alive_updated').on(table.updatedAt, table.id, ...filtered(table)).where(alive),
    index('contacts_alive_created').on(table.createdAt, table.id, ...filtered(table)).where(alive),
    index('contacts_alive_follow_up').on(table.nextFollowUpAt, table.id, ...filtered(table)).where(alive),
    index('contacts_alive_status').on(table.status, sql`${table.name} COLLATE NOCASE`, table.id, table.contactType, table.owner, table.cl).where(alive),
    index('contacts_alive_type').on(table.contactType, sql`${table.name} COLLATE NOCASE`, table.id, table.status, table.owner, table.cl).where(alive),
    index('contacts_alive_owner').on(table.owner, sql`${table.name} COLLATE NOCASE`, table.id, table.contactType, table.status, table.cl).where(alive),
    index('contacts_alive_value').on(table.potentialValueMinor, table.id, ...filtered(table)).where(alive),
    index('contacts_alive_company_id').on(table.companyId).where(alive),
    // Segments by city ("every landlord in Bristol"): a city criterion reads its contacts off this index.
    index('contacts_alive_city').on(sql`${table.addressCity} COLLATE NOCASE`, table.id).where(alive),
  ],
);

/** Tag membership: one row per (contact, tag), merged by its last-writer-wins `present` flag. */
export const contactTags = sqliteTable(
  'contact_tags',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id').notNull().default(''),
    tag: text('tag').notNull().default(''),
    present: integer('present').notNull().default(1),
  },
  (table) => [
    index('contact_tags_tag').on(table.tag, table.present),
    index('contact_tags_contact').on(table.contactId),
    // The list's tag filter (`tag = ? COLLATE NOCASE AND present = 1`) reads its contacts off this
    // index; contact_tags_tag compares tags case-sensitively, so that filter scanned every tag row.
    index('contact_tags_present_tag').on(sql`${table.tag} COLLATE NOCASE`, table.contactId).where(sql`present = 1`),
    // A page's tags, read for each of its contacts (contacts/queries.ts): off the index alone.
    index('contact_tags_present_contact').on(table.contactId, table.tag).where(sql`present = 1`),
  ],
);

/** Derived from contacts.phones by the write path, for matching numbers by E.164. Not synced. */
export const contactPhones = sqliteTable(
  'contact_phones',
  {
    contactId: text('contact_id').notNull(),
    position: integer('position').notNull(),
    type: text('type').notNull(),
    e164: text('e164').notNull(),
  },
  (table) => [primaryKey({ columns: [table.contactId, table.position] }), index('contact_phones_e164').on(table.e164)],
);

/** Derived from contacts.emails by the write path; `address` is lower-cased for matching. Not synced. */
export const contactEmails = sqliteTable(
  'contact_emails',
  {
    contactId: text('contact_id').notNull(),
    position: integer('position').notNull(),
    type: text('type').notNull(),
    address: text('address').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.contactId, table.position] }),
    index('contact_emails_address').on(table.address),
  ],
);

/**
 * The change log: one record per mutation of one row. It is the outbox for sync, the audit
 * trail, and what the timeline reads field changes from. `fields` is a JSON object of the
 * changed columns and their new values; all share `hlc`.
 */
export const changes = sqliteTable(
  'changes',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    changeId: text('change_id').notNull().unique(),
    hlc: text('hlc').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    fields: text('fields').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    deviceId: text('device_id').notNull(),
    /** The name of the person who made it, as set on that device. */
    author: text('author').notNull().default(''),
    /** 1 for changes made on this device; 0 for ones applied from elsewhere. */
    local: integer('local').notNull().default(1),
    pushed: integer('pushed').notNull().default(0),
  },
  (table) => [
    index('changes_row').on(table.tableName, table.rowId),
    index('changes_outbox').on(table.local, table.pushed),
    // The audit trail's pages, newest first, for everyone and for one member (src-main/audit/queries.ts).
    index('changes_hlc').on(table.hlc, table.changeId),
    index('changes_author_hlc').on(table.author, table.hlc, table.changeId),
  ],
);

/**
 * Changes from sync for a table or column this version does not know (a newer app wrote them).
 * Kept as received, and applied by a later version after its migrations; never a failed batch.
 */
export const pendingChanges = sqliteTable('pending_changes', {
  changeId: text('change_id').primaryKey(),
  hlc: text('hlc').notNull(),
  tableName: text('table_name').notNull(),
  rowId: text('row_id').notNull(),
  fields: text('fields').notNull(),
  schemaVersion: integer('schema_version').notNull(),
  deviceId: text('device_id').notNull(),
  author: text('author').notNull().default(''),
});

/**
 * Per-field clocks of each synced row (what the merge compares), one row per synced row: a base
 * HLC as integers (wall ms, counter, device code) and `fields`, the field codes that hold it and
 * the few fields with a clock of their own (src-main/writes/clock-encoding.ts). Created WITHOUT
 * ROWID by its migration (0035), so the key is the table. Read and written only through
 * src-main/writes/clock-store.ts.
 */
export const clocks = sqliteTable(
  'clocks',
  {
    tableCode: integer('table_code').notNull(),
    rowId: text('row_id').notNull(),
    wallMs: integer('wall_ms'),
    counter: integer('counter'),
    device: integer('device'),
    fields: text('fields').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tableCode, table.rowId] })],
);

/** The codes of the table names in `clocks`. Append-only. */
export const clockTables = sqliteTable('clock_tables', {
  code: integer('code').primaryKey(),
  name: text('name').notNull().unique(),
});

/** The codes of each table's field names in `clocks`, numbered per table. Append-only. */
export const clockFields = sqliteTable(
  'clock_fields',
  {
    tableCode: integer('table_code').notNull(),
    code: integer('code').notNull(),
    name: text('name').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tableCode, table.code] }), uniqueIndex('clock_fields_name').on(table.tableCode, table.name)],
);

/** The codes of the device ids in the clocks of `clocks`. Append-only. */
export const clockDevices = sqliteTable('clock_devices', {
  code: integer('code').primaryKey(),
  deviceId: text('device_id').notNull().unique(),
});

/** Settings of this laptop and device state (id, last clock), as key -> JSON value. */
export const localSettings = sqliteTable('local_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Notes on a contact. Synced field by field; deleted by causal length like contacts. */
export const notes = sqliteTable(
  'notes',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id').notNull().default(''),
    kind: text('kind').notNull().default('internal'),
    body: text('body').notNull().default(''),
    pinned: integer('pinned').notNull().default(0),
    author: text('author').notNull().default(''),
    createdAt: integer('created_at').notNull().default(0),
    updatedAt: integer('updated_at').notNull().default(0),
    cl: integer('cl').notNull().default(1),
    /** Local key in notes_fts. Not synced. */
    searchRowid: integer('search_rowid'),
  },
  (table) => [
    index('notes_contact').on(table.contactId, table.createdAt).where(alive),
    // The dashboard's recent activity: newest notes across everyone.
    index('notes_recent').on(table.createdAt).where(alive),
    uniqueIndex('notes_search_rowid').on(table.searchRowid),
  ],
);

/** Follow-ups: a promise to do something for a contact by a time. Open while done_at is null. */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id').notNull().default(''),
    callId: text('call_id'),
    title: text('title').notNull().default(''),
    dueAt: integer('due_at').notNull().default(0),
    assignee: text('assignee').notNull().default(''),
    priority: text('priority').notNull().default('normal'),
    doneAt: integer('done_at'),
    slaRuleId: text('sla_rule_id'),
    createdBy: text('created_by').notNull().default(''),
    createdAt: integer('created_at').notNull().default(0),
    updatedAt: integer('updated_at').notNull().default(0),
    cl: integer('cl').notNull().default(1),
    /** Who marked it done: the member who made the call-back, for the SLA report. */
    doneBy: text('done_by').notNull().default(''),
    /**
     * 1 while its contact is live: kept by triggers (migration `follow_up_contact_live`), so the
     * counts of open follow-ups read one index instead of looking up each one's contact. Not synced.
     */
    contactLive: integer('contact_live').notNull().default(0),
  },
  (table) => [
    index('follow_ups_open_due').on(table.dueAt, table.id).where(sql`cl % 2 = 1 AND done_at IS NULL`),
    // The dashboard's and the sidebar's counts (overdue, today, upcoming): open ones of live contacts.
    index('follow_ups_live_open_due').on(table.dueAt).where(sql`cl % 2 = 1 AND done_at IS NULL AND contact_live = 1`),
    index('follow_ups_contact').on(table.contactId, table.dueAt).where(alive),
    index('follow_ups_done').on(table.doneAt).where(sql`cl % 2 = 1 AND done_at IS NOT NULL`),
    // Call-backs (follow-ups an SLA rule made from a call): a call's own, and the SLA report's by due time.
    index('follow_ups_call_back').on(table.callId, table.dueAt).where(sql`cl % 2 = 1 AND call_id IS NOT NULL AND sla_rule_id IS NOT NULL`),
    index('follow_ups_call_back_due').on(table.dueAt).where(sql`cl % 2 = 1 AND call_id IS NOT NULL AND sla_rule_id IS NOT NULL`),
  ],
);

/** Calls, logged by hand or (later) from Twilio. `number` is the other party's E.164. */
export const calls = sqliteTable(
  'calls',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id'),
    direction: text('direction').notNull().default('inbound'),
    number: text('number').notNull().default(''),
    startedAt: integer('started_at').notNull().default(0),
    durationSeconds: integer('duration_seconds').notNull().default(0),
    status: text('status').notNull().default('completed'),
    disposition: text('disposition').notNull().default(''),
    notes: text('notes').notNull().default(''),
    recordingSha256: text('recording_sha256'),
    transcript: text('transcript').notNull().default(''),
    provider: text('provider').notNull().default('manual'),
    providerId: text('provider_id'),
    spam: integer('spam').notNull().default(0),
    emergency: integer('emergency').notNull().default(0),
    loggedBy: text('logged_by').notNull().default(''),
    createdAt: integer('created_at').notNull().default(0),
    cl: integer('cl').notNull().default(1),
    /** The office line the call came in on or went out from (phone line calls). */
    officeNumber: text('office_number').notNull().default(''),
    /** Length of the recording in `recording_sha256`, for the player before it loads. */
    recordingSeconds: integer('recording_seconds').notNull().default(0),
    /** What the caller's work may be worth, in minor units of the office's currency; null until estimated. */
    valueEstimateMinor: integer('value_estimate_minor'),
    /** Local key of the call's notes in call_notes_fts (src-main/search/call-notes-index.ts). Not synced. */
    notesRowid: integer('notes_rowid'),
    /** Local key of the call's number in call_digits_fts (src-main/search/call-number-index.ts). Not synced. */
    numberRowid: integer('number_rowid'),
    /** The office's emergency word the transcript or notes name, '' for none (src-main/calls/call-flags.ts). Not synced. */
    emergencyKeyword: text('emergency_keyword').notNull().default(''),
    /** 1 for an emergency, ticked or by keyword: what triage sorts by. Not synced. */
    urgent: integer('urgent').notNull().default(0),
  },
  (table) => [
    index('calls_started').on(table.startedAt, table.id).where(alive),
    index('calls_contact').on(table.contactId, table.startedAt).where(alive),
    index('calls_number').on(table.number, table.startedAt).where(alive),
    index('calls_direction').on(table.direction, table.startedAt).where(alive),
    index('calls_disposition').on(table.disposition, table.startedAt).where(alive),
    uniqueIndex('calls_provider_id').on(table.provider, table.providerId),
    // The triage queue: calls nobody has given an outcome yet, by age within emergency or not.
    // The calls list filtered by outcome and direction over a period, sorted by time or duration: the
    // page and its count are read from this index alone (src-main/calls/queries.ts).
    index('calls_filtered').on(table.disposition, table.direction, table.startedAt, table.durationSeconds, table.id).where(alive),
    uniqueIndex('calls_notes_rowid').on(table.notesRowid),
    uniqueIndex('calls_number_rowid').on(table.numberRowid),
    index('calls_untriaged').on(table.urgent, table.startedAt, table.id).where(sql`cl % 2 = 1 AND disposition = '' AND spam = 0`),
    // The phone line's calls no contact has yet (src-main/phone/caller-matching.ts): without it,
    // finding them read every call logged by hand without a contact (45,642 at 100k, ~70 ms).
    index('calls_unlinked_phone_line')
      .on(table.number, table.id)
      .where(sql`contact_id IS NULL AND provider IN ('twilio', 'api') AND number <> '' AND cl % 2 = 1`),
  ],
);

/**
 * A tag on a call: one row per tag a laptop put on the call, its id a random uuid that says
 * nothing of the tag. Two people tagging the same call with the same tag at once make two rows:
 * both count once (src-main/calls/call-tags.ts), and untagging clears every row of that tag the
 * laptop knows, so a tag added elsewhere at the same moment survives (add wins).
 */
export const callTags = sqliteTable(
  'call_tags',
  {
    id: text('id').primaryKey(),
    callId: text('call_id').notNull().default(''),
    tag: text('tag').notNull().default(''),
    present: integer('present').notNull().default(1),
  },
  (table) => [index('call_tags_call').on(table.callId, table.present), index('call_tags_tag').on(sql`${table.tag} COLLATE NOCASE`, table.present, table.callId)],
);

/** Files attached to a contact; the bytes live once per SHA-256 under dataDir/files/. */
export const files = sqliteTable(
  'files',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id').notNull().default(''),
    sha256: text('sha256').notNull().default(''),
    name: text('name').notNull().default(''),
    mimeType: text('mime_type').notNull().default('application/octet-stream'),
    sizeBytes: integer('size_bytes').notNull().default(0),
    category: text('category').notNull().default('document'),
    addedBy: text('added_by').notNull().default(''),
    createdAt: integer('created_at').notNull().default(0),
    /** When it was last deleted: the blob outlives the undo window after this. */
    deletedAt: integer('deleted_at'),
    cl: integer('cl').notNull().default(1),
  },
  (table) => [index('files_contact').on(table.contactId, table.createdAt).where(alive), index('files_sha').on(table.sha256)],
);

/** Reminders already shown on this laptop, so each follow-up reminds once. Not synced. */
export const remindersShown = sqliteTable('reminders_shown', {
  followUpId: text('follow_up_id').primaryKey(),
  shownAt: integer('shown_at').notNull(),
});

/** Sales pipelines: ordered stages a deal moves through. */
export const pipelines = sqliteTable('pipelines', {
  id: text('id').primaryKey(),
  name: text('name').notNull().default(''),
  position: integer('position').notNull().default(0),
  createdAt: integer('created_at').notNull().default(0),
  cl: integer('cl').notNull().default(1),
});

/** A stage of a pipeline; `outcome` is 'open', or 'won'/'lost' for final stages. */
export const stages = sqliteTable(
  'stages',
  {
    id: text('id').primaryKey(),
    pipelineId: text('pipeline_id').notNull().default(''),
    name: text('name').notNull().default(''),
    /** Spaced ordering (steps of 1000) so that moving a stage usually rewrites one row, not all. */
    position: integer('position').notNull().default(0),
    probabilityBp: integer('probability_bp').notNull().default(0),
    expectedDays: integer('expected_days'),
    outcome: text('outcome').notNull().default('open'),
    cl: integer('cl').notNull().default(1),
  },
  (table) => [index('stages_pipeline').on(table.pipelineId, table.position).where(alive)],
);

export const deals = sqliteTable(
  'deals',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id').notNull().default(''),
    pipelineId: text('pipeline_id').notNull().default(''),
    stageId: text('stage_id').notNull().default(''),
    title: text('title').notNull().default(''),
    valueMinor: integer('value_minor').notNull().default(0),
    currency: text('currency').notNull().default('GBP'),
    /** Overrides the stage's probability when set. */
    probabilityBp: integer('probability_bp'),
    expectedCloseAt: integer('expected_close_at'),
    owner: text('owner').notNull().default(''),
    source: text('source').notNull().default(''),
    closeReason: text('close_reason').notNull().default(''),
    closedAt: integer('closed_at'),
    createdAt: integer('created_at').notNull().default(0),
    updatedAt: integer('updated_at').notNull().default(0),
    cl: integer('cl').notNull().default(1),
  },
  (table) => [
    index('deals_board').on(table.pipelineId, table.stageId, table.updatedAt).where(alive),
    index('deals_contact').on(table.contactId).where(alive),
    index('deals_owner').on(table.owner, table.createdAt).where(alive),
  ],
);

/** Every stage move of a deal, append-only: the funnel and the timeline read it. */
export const dealStageEvents = sqliteTable(
  'deal_stage_events',
  {
    id: text('id').primaryKey(),
    dealId: text('deal_id').notNull().default(''),
    pipelineId: text('pipeline_id').notNull().default(''),
    fromStageId: text('from_stage_id'),
    toStageId: text('to_stage_id').notNull().default(''),
    at: integer('at').notNull().default(0),
    movedBy: text('moved_by').notNull().default(''),
  },
  (table) => [index('deal_stage_events_deal').on(table.dealId, table.at), index('deal_stage_events_pipeline').on(table.pipelineId, table.at)],
);

export const quotes = sqliteTable(
  'quotes',
  {
    id: text('id').primaryKey(),
    dealId: text('deal_id').notNull().default(''),
    contactId: text('contact_id').notNull().default(''),
    number: text('number').notNull().default(''),
    status: text('status').notNull().default('draft'),
    currency: text('currency').notNull().default('GBP'),
    /** JSON array of lines: { description, quantityMilli, unitPriceMinor, discountBp, taxRateBp }. */
    lines: text('lines').notNull().default('[]'),
    notes: text('notes').notNull().default(''),
    validUntil: integer('valid_until'),
    sentAt: integer('sent_at'),
    fileId: text('file_id'),
    createdAt: integer('created_at').notNull().default(0),
    updatedAt: integer('updated_at').notNull().default(0),
    cl: integer('cl').notNull().default(1),
  },
  (table) => [
    index('quotes_deal').on(table.dealId).where(alive),
    index('quotes_status').on(table.status).where(alive),
    // The search page's index of quotes holds the contact's name: a renamed contact's quotes are found by it.
    index('quotes_contact').on(table.contactId).where(alive),
  ],
);

/**
 * Texts to and from customers through the office line. Outbound ones are written here first
 * (status `queued`, also offline) and handed to the relay, which sends them and writes back
 * their status; inbound ones are written by the relay, with ids derived from Twilio's MessageSid.
 */
export const texts = sqliteTable(
  'texts',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id'),
    direction: text('direction').notNull().default('inbound'),
    /** The customer's number, E.164. */
    number: text('number').notNull().default(''),
    officeNumber: text('office_number').notNull().default(''),
    body: text('body').notNull().default(''),
    status: text('status').notNull().default('queued'),
    /** Why it was not sent or delivered, in words. */
    error: text('error').notNull().default(''),
    providerId: text('provider_id'),
    sentBy: text('sent_by').notNull().default(''),
    createdAt: integer('created_at').notNull().default(0),
    updatedAt: integer('updated_at').notNull().default(0),
    cl: integer('cl').notNull().default(1),
  },
  (table) => [
    index('texts_number').on(table.number, table.createdAt).where(alive),
    index('texts_contact').on(table.contactId, table.createdAt).where(alive),
    index('texts_outbox').on(table.status).where(sql`cl % 2 = 1 AND status = 'queued'`),
    index('texts_unlinked').on(table.number, table.id).where(sql`contact_id IS NULL AND number <> '' AND cl % 2 = 1`),
  ],
);

/** Numbers that texted STOP (opted_out 1) or START again (0); written by the relay. */
export const phoneOptOuts = sqliteTable(
  'phone_opt_outs',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull().default(''),
    optedOut: integer('opted_out').notNull().default(0),
    keyword: text('keyword').notNull().default(''),
    changedAt: integer('changed_at').notNull().default(0),
  },
  (table) => [index('phone_opt_outs_number').on(table.number)],
);

/**
 * Sentiment and keywords of a call's transcript, worked out on this laptop, and the call's key
 * in calls_fts (its transcript and notes). Not synced: rebuilt from the synced call.
 */
export const callAnalysis = sqliteTable(
  'call_analysis',
  {
    callId: text('call_id').primaryKey(),
    searchRowid: integer('search_rowid').notNull(),
    /** -1 (negative) … 1 (positive). */
    sentiment: real('sentiment').notNull(),
    /** JSON array of the transcript's keywords, most frequent first. */
    keywords: text('keywords').notNull(),
    /** The transcript this was worked out from: a changed transcript is analysed again. */
    transcriptSha256: text('transcript_sha256').notNull(),
  },
  (table) => [index('call_analysis_sentiment').on(table.sentiment), uniqueIndex('call_analysis_search_rowid').on(table.searchRowid)],
);

/**
 * Changes from other devices that this laptop could not apply (a value the contract refuses, or
 * one SQLite would not store), kept with the reason and the sending device: shown to the
 * workspace's admins, never blocking the rest of sync, and tried again after an upgrade, which
 * may know how to apply them (src-main/sync/set-aside.ts).
 */
export const setAsideChanges = sqliteTable(
  'set_aside_changes',
  {
    changeId: text('change_id').primaryKey(),
    hlc: text('hlc').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    fields: text('fields').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    deviceId: text('device_id').notNull(),
    author: text('author').notNull().default(''),
    reason: text('reason').notNull(),
    setAsideAt: integer('set_aside_at').notNull(),
    /** The app version that set it aside: a later one checks it again. */
    appVersion: text('app_version').notNull(),
  },
  (table) => [index('set_aside_changes_time').on(table.setAsideAt)],
);

/**
 * The phones of a contact, one row per number, merged item by item (last writer wins per field,
 * removal by causal length): two people adding a number at once both keep theirs. The id is
 * `<contact id>:<item id>`. contacts.phones is derived from these rows and the contact's base list
 * (contacts.base_phones) by the write path: src-main/contacts/list-items.ts.
 */
export const contactPhoneItems = sqliteTable('contact_phone_items', {
  id: text('id').primaryKey(),
  contactId: text('contact_id').notNull().default(''),
  type: text('type').notNull().default('other'),
  e164: text('e164').notNull().default(''),
  /** Order key: the lowest is the primary number; equal keys are ordered by id. */
  position: integer('position').notNull().default(0),
  cl: integer('cl').notNull().default(1),
});

/** The e-mail addresses of a contact, one row per address, as contact_phone_items. */
export const contactEmailItems = sqliteTable('contact_email_items', {
  id: text('id').primaryKey(),
  contactId: text('contact_id').notNull().default(''),
  type: text('type').notNull().default('other'),
  address: text('address').notNull().default(''),
  position: integer('position').notNull().default(0),
  cl: integer('cl').notNull().default(1),
});

/**
 * One custom field value of a contact: the id is `<contact id>:<field id>`, so two laptops
 * filling in the same field meet in one row (the later edit wins) and different fields never
 * touch each other. `value` is JSON (a string, a number, or null for cleared).
 */
export const contactCustomValues = sqliteTable('contact_custom_values', {
  id: text('id').primaryKey(),
  contactId: text('contact_id').notNull().default(''),
  fieldId: text('field_id').notNull().default(''),
  value: text('value').notNull().default('null'),
});

/**
 * Blobs this laptop owes the relay: queued when a file is attached (even offline or before
 * joining a workspace) and uploaded in the background by src-main/files/uploader.ts. Resuming an
 * interrupted upload needs nothing more here: the relay remembers the parts it has. Not synced.
 */
export const blobUploads = sqliteTable(
  'blob_uploads',
  {
    sha256: text('sha256').primaryKey(),
    sizeBytes: integer('size_bytes').notNull(),
    /** queued | done | missing (the bytes are no longer on this laptop) */
    state: text('state').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** Epoch ms before which it is not retried (backoff after a failure). */
    nextAttemptAt: integer('next_attempt_at').notNull().default(0),
    /** Why the last attempt failed, in words for the user. */
    lastError: text('last_error'),
    queuedAt: integer('queued_at').notNull(),
    doneAt: integer('done_at'),
  },
  (table) => [index('blob_uploads_waiting').on(table.state, table.nextAttemptAt)],
);

/**
 * Rows whose changes stay out of the push until their blob is at the relay, so a teammate never
 * receives a file whose bytes cannot be fetched yet. Released by the uploader. Not synced.
 */
export const outboxHolds = sqliteTable(
  'outbox_holds',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    sha256: text('sha256').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tableName, table.rowId] }), index('outbox_holds_sha').on(table.sha256)],
);
// Mail's tables live beside its code.
export * from '../mail/schema';

/**
 * Jobs (tickets): the work the office does for a contact, made from a call, a contact or a deal.
 * `status` runs new → scheduled → in_progress → done → invoiced → paid, or cancelled.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id').notNull().default(''),
    dealId: text('deal_id'),
    callId: text('call_id'),
    title: text('title').notNull().default(''),
    description: text('description').notNull().default(''),
    status: text('status').notNull().default('new'),
    priority: text('priority').notNull().default('normal'),
    assignee: text('assignee').notNull().default(''),
    scheduledAt: integer('scheduled_at'),
    address: text('address').notNull().default(''),
    invoicedMinor: integer('invoiced_minor'),
    currency: text('currency').notNull().default('GBP'),
    paidAt: integer('paid_at'),
    createdBy: text('created_by').notNull().default(''),
    createdAt: integer('created_at').notNull().default(0),
    updatedAt: integer('updated_at').notNull().default(0),
    cl: integer('cl').notNull().default(1),
    /** For a job booked before its contact is known (contact_id ''): what to find them by. */
    reachPhone: text('reach_phone').notNull().default(''),
    reachEmail: text('reach_email').notNull().default(''),
    reachCompany: text('reach_company').notNull().default(''),
  },
  (table) => [
    index('jobs_created').on(table.createdAt, table.id).where(alive),
    index('jobs_status').on(table.status, table.createdAt).where(alive),
    index('jobs_scheduled').on(table.scheduledAt).where(alive),
    index('jobs_contact').on(table.contactId, table.createdAt).where(alive),
    index('jobs_call').on(table.callId).where(alive),
    index('jobs_deal').on(table.dealId).where(alive),
  ],
);

/**
 * A contact's lifecycle stage as it was set, one row per change ("Convert to customer"), synced:
 * the newest is the contact's stage, and the rows are its history and the conversion figures'
 * source (src-main/lifecycle/).
 */
export const lifecycleEvents = sqliteTable(
  'lifecycle_events',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id').notNull().default(''),
    stage: text('stage').notNull().default('lead'),
    previousStage: text('previous_stage'),
    at: integer('at').notNull().default(0),
    by: text('by').notNull().default(''),
    cl: integer('cl').notNull().default(1),
  },
  (table) => [
    index('lifecycle_events_contact').on(table.contactId, table.at).where(alive),
    index('lifecycle_events_stage').on(table.stage, table.at, table.contactId).where(alive),
  ],
);

/**
 * Who referred a contact to the office: a partner (another contact). One alive row per contact is
 * written; if two laptops name different partners at once, the newest row is the answer.
 */
export const referrals = sqliteTable(
  'referrals',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id').notNull().default(''),
    partnerId: text('partner_id').notNull().default(''),
    createdAt: integer('created_at').notNull().default(0),
    by: text('by').notNull().default(''),
    cl: integer('cl').notNull().default(1),
  },
  (table) => [
    index('referrals_contact').on(table.contactId, table.createdAt).where(alive),
    index('referrals_partner').on(table.partnerId, table.contactId).where(alive),
  ],
);

/**
 * Companies: a firm with its people (contacts.company_id). `domains` is a JSON array of e-mail
 * domains ("hartley-lettings.co.uk"); the primary contact is one of its people.
 */
export const companies = sqliteTable(
  'companies',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull().default(''),
    domains: text('domains').notNull().default('[]'),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    notes: text('notes').notNull().default(''),
    primaryContactId: text('primary_contact_id'),
    createdAt: integer('created_at').notNull().default(0),
    updatedAt: integer('updated_at').notNull().default(0),
    cl: integer('cl').notNull().default(1),
    /** Set on a company merged into another (and deleted): the survivor's id. */
    mergedInto: text('merged_into'),
  },
  (table) => [index('companies_alive_name').on(sql`${table.name} COLLATE NOCASE`, table.id).where(alive)],
);

/**
 * What undoing a merge needs, on the laptop that merged: the survivor's fields before, and the
 * rows moved to it. JSON in `payload`. Not synced: the undo's own writes are what sync.
 */
export const mergeUndo = sqliteTable('merge_undo', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  payload: text('payload').notNull(),
  createdAt: integer('created_at').notNull(),
});

/**
 * A person forgotten (synced; src-shared/sync/erasure.ts): only the ids of the rows erased, as
 * JSON. Writing one, here or from another laptop, erases those rows (src-main/writes/erasure.ts).
 */
export const erasures = sqliteTable('erasures', {
  id: text('id').primaryKey(),
  rows: text('rows').notNull().default('[]'),
  erasedAt: integer('erased_at').notNull().default(0),
  erasedBy: text('erased_by').notNull().default(''),
});

/** Every row an erasure named (local): a later change for one is set aside, never applied. */
export const erasedRows = sqliteTable(
  'erased_rows',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    erasureId: text('erasure_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tableName, table.rowId] })],
);

/**
 * Saved segments (src-main/segments/): a definition (src-shared/domain/segment.ts) as JSON, kept
 * up to date when `kind` is dynamic; a static one also holds the ids it was frozen with in
 * `member_ids` (a JSON array, written whole: a freeze states the whole list). `shared` 0 keeps
 * it off teammates' lists (it still syncs, like every row).
 */
export const segments = sqliteTable(
  'segments',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull().default(''),
    kind: text('kind').notNull().default('dynamic'),
    definition: text('definition').notNull().default('{"type":"group","join":"and","children":[]}'),
    memberIds: text('member_ids').notNull().default('[]'),
    owner: text('owner').notNull().default(''),
    shared: integer('shared').notNull().default(1),
    createdAt: integer('created_at').notNull().default(0),
    updatedAt: integer('updated_at').notNull().default(0),
    cl: integer('cl').notNull().default(1),
  },
  (table) => [index('segments_alive_name').on(sql`${table.name} COLLATE NOCASE`, table.id).where(alive)],
);

/**
 * The members of static segments, one synced row per segment and contact (src-main/segments/members.ts),
 * so two laptops adding and removing members at once both keep what they did. The id is
 * `<segment id>:<contact id>` (ids only), so every laptop adding the same contact meets in one row;
 * `cl` odd is a member. `segments.member_ids` is the whole list laptops before these rows write: a
 * base list, and a row counts over it only when written after it. Upgraded laptops write it too,
 * for those laptops, and mark it with a mirror row `<segment id>:~<device id>` whose contact_id
 * is the list's clock: a mirrored list is not read as a base list.
 */
export const segmentMembers = sqliteTable(
  'segment_members',
  {
    id: text('id').primaryKey(),
    segmentId: text('segment_id').notNull().default(''),
    contactId: text('contact_id').notNull().default(''),
    cl: integer('cl').notNull().default(1),
  },
  (table) => [index('segment_members_segment').on(table.segmentId), index('segment_members_contact').on(table.contactId)],
);

/**
 * Saved views of the lists (src-main/views/): a list's filters, sort and columns
 * (src-shared/domain/saved-view.ts) as JSON under a name. `shared` 0 keeps it off teammates'
 * lists (it still syncs, like every row); `owner` is the member who saved it.
 */
export const savedViews = sqliteTable(
  'saved_views',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull().default(''),
    listId: text('list_id').notNull().default('contacts'),
    state: text('state').notNull().default('{}'),
    owner: text('owner').notNull().default(''),
    shared: integer('shared').notNull().default(0),
    createdAt: integer('created_at').notNull().default(0),
    updatedAt: integer('updated_at').notNull().default(0),
    cl: integer('cl').notNull().default(1),
  },
  (table) => [index('saved_views_alive_list').on(table.listId, sql`${table.name} COLLATE NOCASE`, table.id).where(alive)],
);

/**
 * Bulk actions run on this laptop (local; src-main/bulk/): what was asked and how far it got. A
 * row still `running` when the app starts was cut off (a crash, a kill) and becomes `interrupted`;
 * what its finished batches did can still be undone.
 */
export const bulkActions = sqliteTable('bulk_actions', {
  id: text('id').primaryKey(),
  list: text('list').notNull(),
  /** The action as asked (JSON, src-shared/domain/bulk.ts). */
  action: text('action').notNull(),
  label: text('label').notNull(),
  /** src-shared/domain/bulk.ts bulkStates. */
  state: text('state').notNull(),
  total: integer('total').notNull(),
  done: integer('done').notNull().default(0),
  /** Rows whose values it changed (the rows with a before in bulk_action_rows). */
  changed: integer('changed').notNull().default(0),
  /** Why it failed, as { code, message } JSON. */
  error: text('error'),
  createdAt: integer('created_at').notNull(),
  finishedAt: integer('finished_at'),
});

/**
 * What each row had before a bulk action changed it: only the fields it wrote, as JSON (null when
 * the row did not exist). Written in the batch's own transaction, so a finished batch always has
 * its undo. Undo writes these values back as new changes.
 */
export const bulkActionRows = sqliteTable(
  'bulk_action_rows',
  {
    actionId: text('action_id').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    before: text('before'),
  },
  (table) => [primaryKey({ columns: [table.actionId, table.tableName, table.rowId] })],
);
