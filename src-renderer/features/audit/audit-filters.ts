import type { AuditFilters } from '../../../src-shared/ipc/audit';
import { fromDateAndTime } from '../../ui/dates';

// What the audit screen asks the core: the filters as the person set them, and the same filters
// as the channel takes them (dates as the start of the first day and the end of the last).

export interface AuditScreenFilters {
  member: string;
  /** A table name, or '' for every kind of record. */
  table: string;
  /** Words of a record's name. */
  record: string;
  /** yyyy-mm-dd, inclusive, in local time; '' for open-ended. */
  from: string;
  to: string;
}

export const noAuditFilters: AuditScreenFilters = { member: '', table: '', record: '', from: '', to: '' };

export function isFiltered(filters: AuditScreenFilters): boolean {
  return JSON.stringify(filters) !== JSON.stringify(noAuditFilters);
}

export function toAuditQuery(filters: AuditScreenFilters): AuditFilters {
  const from = filters.from ? fromDateAndTime(filters.from, '00:00') : null;
  const to = filters.to ? fromDateAndTime(filters.to, '00:00') : null;
  const record = filters.record.trim();
  return {
    ...(filters.member ? { member: filters.member } : {}),
    ...(filters.table ? { table: filters.table } : {}),
    ...(record ? { record } : {}),
    ...(from !== null ? { from } : {}),
    // The last day counts whole: up to the start of the next one.
    ...(to !== null ? { to: new Date(to).setDate(new Date(to).getDate() + 1) } : {}),
  };
}

/** The kinds of record a person filters by, in the words of the app (the change log's table names as keys). */
export const recordKinds: Record<string, string> = {
  contacts: 'Contact',
  companies: 'Company',
  deals: 'Deal',
  quotes: 'Quote',
  deal_stage_events: 'Deal stage move',
  notes: 'Note',
  calls: 'Call',
  follow_ups: 'Follow-up',
  jobs: 'Job',
  files: 'File',
  texts: 'Text message',
  mail_messages: 'E-mail',
  contact_phone_items: 'Phone number',
  contact_email_items: 'E-mail address',
  contact_tags: 'Tag',
  contact_custom_values: 'Custom field',
  lifecycle_events: 'Lifecycle stage',
  pipelines: 'Pipeline',
  stages: 'Pipeline stage',
  phone_opt_outs: 'Text opt-out',
  erasures: 'Erasure',
};

export function recordKindOf(table: string): string {
  return recordKinds[table] ?? table.replace(/_/g, ' ');
}

/** A column name as a person reads it: `job_title` → "job title". */
export function fieldLabel(field: string): string {
  return field === 'cl' ? 'deleted or restored' : field.replace(/_/g, ' ');
}
