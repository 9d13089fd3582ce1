import { parseHlc } from '../../src-shared/hlc';
import type { TimelineItem } from '../../src-shared/domain/timeline';
import type { FieldValues } from '../writes/synced-tables';

/** Contact columns whose changes a person cares to see on the timeline, with their labels. */
const labelledColumns: Record<string, string> = {
  name: 'Name',
  company: 'Company',
  job_title: 'Job title',
  contact_type: 'Type',
  status: 'Status',
  owner: 'Owner',
  source: 'Source',
  do_not_contact: 'Do not contact',
  potential_value_minor: 'Potential value',
  phones: 'Phones',
  emails: 'E-mails',
};

export interface LoggedChange {
  change_id: string;
  hlc: string;
  table_name: string;
  row_id: string;
  fields: string;
  author: string;
}

/**
 * Turns the change log of one contact (its row and its tag rows) into timeline items:
 * "Contact created", "Status active → won", "Tagged vip", "Deleted", "Restored". Earlier
 * values come from replaying the log in clock order, so nothing is stored twice.
 */
export function fieldChangeItems(changes: LoggedChange[]): TimelineItem[] {
  const ordered = [...changes].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  const state: FieldValues = {};
  const items: TimelineItem[] = [];
  for (const change of ordered) {
    const fields = JSON.parse(change.fields) as FieldValues;
    const at = parseHlc(change.hlc).wallMs;
    const base = { kind: 'change' as const, at, actor: change.author, detail: '', refId: null };
    if (change.table_name === 'contact_tags') {
      if ('present' in fields) {
        const tag = String(fields.tag ?? change.row_id.slice(change.row_id.indexOf(':') + 1));
        items.push({ ...base, key: `change:${change.change_id}`, title: fields.present ? `Tagged ${tag}` : `Untagged ${tag}` });
      }
      continue;
    }
    if ('created_at' in fields && !('created_at' in state)) {
      items.push({ ...base, key: `change:${change.change_id}`, title: 'Contact created' });
    } else if ('cl' in fields && typeof fields.cl === 'number' && fields.cl !== state.cl) {
      items.push({ ...base, key: `change:${change.change_id}:cl`, title: fields.cl % 2 === 0 ? 'Deleted' : 'Restored' });
    } else {
      for (const [column, value] of Object.entries(fields)) {
        const label = labelledColumns[column];
        if (!label || state[column] === value) continue;
        items.push({
          ...base,
          key: `change:${change.change_id}:${column}`,
          title: `${label} ${describe(column, state[column])} → ${describe(column, value)}`,
        });
      }
    }
    Object.assign(state, fields);
  }
  return items;
}

function describe(column: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (column === 'do_not_contact') return value ? 'yes' : 'no';
  if (column === 'potential_value_minor' && typeof value === 'number') return (value / 100).toFixed(2);
  if (column === 'phones' || column === 'emails') {
    try {
      const list = JSON.parse(String(value)) as { e164?: string; address?: string }[];
      return list.map((entry) => entry.e164 ?? entry.address ?? '').join(', ') || '(none)';
    } catch {
      return String(value);
    }
  }
  return String(value);
}
