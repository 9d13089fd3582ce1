import type { SyncedTableName } from '../writes/synced-tables';

/**
 * Every synced table whose rows name one contact in `contact_id`: what forgetting a person erases
 * (privacy/queries.ts) and what the audit names by its contact (audit/record-labels.ts). One list,
 * so a new table that hangs off a contact is added once and reaches both.
 */
export const contactChildTables = [
  'contact_tags',
  'contact_phone_items',
  'contact_email_items',
  'contact_custom_values',
  'notes',
  'follow_ups',
  'calls',
  'files',
  'texts',
  'deals',
  'quotes',
  'jobs',
  'lifecycle_events',
  'referrals',
  'segment_members',
] as const satisfies readonly SyncedTableName[];
