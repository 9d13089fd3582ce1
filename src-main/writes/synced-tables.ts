// Which tables sync, and which of their columns are merged field by field. Anything not listed
// (derived indexes, search_rowid, contacts.next_follow_up_at) is local to this laptop and
// rebuilt by the write path.
// When adding a synced column: src-main/db/schema.ts, a migration, and its name here. How a
// column merges is src-shared/sync/merge.ts: last writer wins, or by causal length for `cl`.

/**
 * The schema version this app writes on its changes. Version 2 keeps a contact's phones, e-mails
 * and custom fields as item rows (the three contact_* tables below); a change of version 2 that
 * carries contacts.phones / emails / custom_fields carries a copy for laptops of version 1. A
 * change that states those lists whole (creating a contact) is written as version 1, which is what
 * a whole list means in version 1 too (src-shared/sync/merge.ts, separateLegacyLists).
 */
export const schemaVersion = 2;

export const syncedTables = {
  contacts: [
    'kind',
    'name',
    'company',
    'job_title',
    'phones',
    'emails',
    'address_street',
    'address_city',
    'address_region',
    'address_postcode',
    'address_country',
    'contact_type',
    'status',
    'owner',
    'source',
    'potential_value_minor',
    'potential_value_currency',
    'summary',
    'do_not_contact',
    'custom_fields',
    'created_at',
    'updated_at',
    'cl',
    'photo_sha256',
    'company_id',
    'decision_maker',
    'merged_into',
  ],
  contact_tags: ['contact_id', 'tag', 'present'],
  contact_phone_items: ['contact_id', 'type', 'e164', 'position', 'cl'],
  contact_email_items: ['contact_id', 'type', 'address', 'position', 'cl'],
  contact_custom_values: ['contact_id', 'field_id', 'value'],
  notes: ['contact_id', 'kind', 'body', 'pinned', 'author', 'created_at', 'updated_at', 'cl'],
  follow_ups: [
    'contact_id',
    'call_id',
    'title',
    'due_at',
    'assignee',
    'priority',
    'done_at',
    'sla_rule_id',
    'created_by',
    'created_at',
    'updated_at',
    'cl',
    'done_by',
  ],
  calls: [
    'contact_id',
    'direction',
    'number',
    'started_at',
    'duration_seconds',
    'status',
    'disposition',
    'notes',
    'recording_sha256',
    'transcript',
    'provider',
    'provider_id',
    'spam',
    'emergency',
    'logged_by',
    'created_at',
    'cl',
    'office_number',
    'recording_seconds',
    'value_estimate_minor',
  ],
  /** Tags on calls, a row per (call, tag) a laptop added, with an id that carries no tag (src-main/calls/call-tags.ts). */
  call_tags: ['call_id', 'tag', 'present'],
  files: [
    'contact_id',
    'sha256',
    'name',
    'mime_type',
    'size_bytes',
    'category',
    'added_by',
    'created_at',
    'deleted_at',
    'cl',
  ],
  pipelines: ['name', 'position', 'created_at', 'cl'],
  stages: ['pipeline_id', 'name', 'position', 'probability_bp', 'expected_days', 'outcome', 'cl'],
  deals: [
    'contact_id',
    'pipeline_id',
    'stage_id',
    'title',
    'value_minor',
    'currency',
    'probability_bp',
    'expected_close_at',
    'owner',
    'source',
    'close_reason',
    'closed_at',
    'created_at',
    'updated_at',
    'cl',
  ],
  deal_stage_events: ['deal_id', 'pipeline_id', 'from_stage_id', 'to_stage_id', 'at', 'moved_by'],
  quotes: [
    'deal_id',
    'contact_id',
    'number',
    'status',
    'currency',
    'lines',
    'notes',
    'valid_until',
    'sent_at',
    'file_id',
    'created_at',
    'updated_at',
    'cl',
  ],
  texts: ['contact_id', 'direction', 'number', 'office_number', 'body', 'status', 'error', 'provider_id', 'sent_by', 'created_at', 'updated_at', 'cl'],
  phone_opt_outs: ['number', 'opted_out', 'keyword', 'changed_at'],
  mail_messages: [
    'message_id',
    'thread_id',
    'in_reply_to',
    'refs',
    'subject',
    'from_address',
    'from_name',
    'to_addresses',
    'cc_addresses',
    'sent_at',
    'body_text',
    'body_html',
    'attachments',
    'mailbox',
    'direction',
    'created_at',
    'cl',
  ],
  jobs: [
    'contact_id',
    'deal_id',
    'call_id',
    'title',
    'description',
    'status',
    'priority',
    'assignee',
    'scheduled_at',
    'address',
    'invoiced_minor',
    'currency',
    'paid_at',
    'created_by',
    'created_at',
    'updated_at',
    'cl',
    'reach_phone',
    'reach_email',
    'reach_company',
  ],
  referrals: ['contact_id', 'partner_id', 'created_at', 'by', 'cl'],
  lifecycle_events: ['contact_id', 'stage', 'previous_stage', 'at', 'by', 'cl'],
  companies: ['name', 'domains', 'address', 'phone', 'notes', 'primary_contact_id', 'created_at', 'updated_at', 'cl', 'merged_into'],
  /** A person forgotten: writing one erases the rows it names (src-main/writes/erasure.ts). */
  erasures: ['rows', 'erased_at', 'erased_by'],
  /** Saved segments: a definition checked on arrival (src-shared/domain/segment.ts). */
  segments: ['name', 'kind', 'definition', 'member_ids', 'owner', 'shared', 'created_at', 'updated_at', 'cl'],
  /** Members of static segments, one row each (src-main/segments/members.ts). */
  segment_members: ['segment_id', 'contact_id', 'cl'],
  /** Saved views of the lists: a state checked on arrival (src-shared/domain/saved-view.ts). */
  saved_views: ['name', 'list_id', 'state', 'owner', 'shared', 'created_at', 'updated_at', 'cl'],
} as const satisfies Record<string, readonly string[]>;

export type SyncedTableName = keyof typeof syncedTables;
export type SyncedColumn<T extends SyncedTableName> = (typeof syncedTables)[T][number];

export type { FieldValue, FieldValues } from '../../src-shared/sync/merge';

/**
 * Where a row keeps a whole list a change states (a version 1 list, see schemaVersion): beside
 * the derived column, with `base_` before its name (contacts.base_phones for contacts.phones).
 */
export const baseListColumn = (field: string) => `base_${field}`;

/**
 * The clock of a row's base list: its own, or, for a list kept from before schema version 2 and
 * not written since, the clock of the column it was (the migration to version 2 leaves the clocks
 * of those as they were rather than rewrite every contact's).
 */
export function baseListClock(clocks: Readonly<Record<string, string>>, field: string): string | undefined {
  return clocks[baseListColumn(field)] ?? clocks[field];
}

/** The key, in the rows touched by a transaction, of the contacts whose base lists changed. */
export const baseListsTouched = 'contacts.base_lists';

/**
 * The key of the contacts a transaction created with their derived columns given (writeNew's
 * `derived`), computed from exactly the base lists stored: the list materialiser need not derive
 * those again unless item rows of theirs exist (list-items.ts).
 */
export const createdWithDerivedTouched = 'contacts.created_with_derived';

/**
 * The key of the contacts a transaction wrote only in columns the contact search index does not
 * read (a status, an owner, a date), as rows that existed already: their index rows stay as they
 * are (src-main/contacts/search-index.ts). A contact touched any other way in the same transaction
 * (a searched column, a new row, an erasure, lists derived again) is not among them, and a writer
 * that knows nothing of this key (a snapshot's load) leaves every contact it touched to be
 * reindexed.
 */
export const contactsUnsearchedTouched = 'contacts.unsearched';

/** The contact columns the search index reads (search-index.ts), the life column among them. */
export const contactSearchColumns: ReadonlySet<string> = new Set(['name', 'company', 'phones', 'emails', 'cl']);

/** A table whose rows a transaction touched, or the contacts whose base lists it changed or created derived. */
export type TouchedTable = SyncedTableName | typeof baseListsTouched | typeof createdWithDerivedTouched | typeof contactsUnsearchedTouched;

export function isSyncedTable(name: string): name is SyncedTableName {
  return Object.prototype.hasOwnProperty.call(syncedTables, name);
}

export function isSyncedColumn(table: SyncedTableName, column: string): boolean {
  return (syncedTables[table] as readonly string[]).includes(column);
}
