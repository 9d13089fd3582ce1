import type { AuditLink } from '../../src-shared/ipc/audit';
import { contactChildTables } from '../contacts/child-tables';
import type { Sqlite } from '../db/open';

// The readable name of a changed record, and a link to it while it still exists here. A row of
// its own (a contact, a company, a deal) names itself; a row that hangs off one (a note, a call, a
// phone number, a quote) is named by its contact or deal. When adding a synced table that a person
// would look for in the audit trail, give it a source here.

interface LabelSource {
  /** FROM clause; the changed row is `r`. */
  from: string;
  label: string;
  link?: { kind: AuditLink['kind']; id: string };
}

const alive = (alias: string) => `CASE WHEN ${alias}.cl % 2 = 1 THEN ${alias}.id END`;

const ofContact = (table: string): LabelSource => ({
  from: `${table} r LEFT JOIN contacts c ON c.id = r.contact_id`,
  label: 'c.name',
  link: { kind: 'contact', id: alive('c') },
});
const ofDeal = (table: string): LabelSource => ({
  from: `${table} r LEFT JOIN deals d ON d.id = r.deal_id`,
  label: 'd.title',
  link: { kind: 'deal', id: alive('d') },
});

/** Tables whose rows belong to a contact, and to a deal: what a record search follows. */
// Deals and quotes are named by the deal (below), not by the contact.
const contactTables = contactChildTables.filter((table) => table !== 'deals' && table !== 'quotes');
export const dealChildTables = ['quotes', 'deal_stage_events'] as const;

const sources: Record<string, LabelSource> = {
  contacts: { from: 'contacts r', label: 'r.name', link: { kind: 'contact', id: alive('r') } },
  companies: { from: 'companies r', label: 'r.name', link: { kind: 'company', id: alive('r') } },
  deals: { from: 'deals r', label: 'r.title', link: { kind: 'deal', id: alive('r') } },
  pipelines: { from: 'pipelines r', label: 'r.name' },
  stages: { from: 'stages r', label: 'r.name' },
  ...Object.fromEntries(contactTables.map((table) => [table, ofContact(table)])),
  ...Object.fromEntries(dealChildTables.map((table) => [table, ofDeal(table)])),
};

export interface RecordLabel {
  label: string | null;
  link: AuditLink | null;
}

/** Labels of the rows of one page, one query a table: `table` → `rowId` → label. */
export function labelRecords(sqlite: Sqlite, rows: readonly { table: string; rowId: string }[]): Map<string, RecordLabel> {
  const byTable = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!sources[row.table]) continue;
    const ids = byTable.get(row.table) ?? new Set<string>();
    ids.add(row.rowId);
    byTable.set(row.table, ids);
  }
  const labels = new Map<string, RecordLabel>();
  for (const [table, ids] of byTable) {
    const source = sources[table]!;
    const found = sqlite
      .prepare(
        `SELECT r.id AS id, ${source.label} AS label, ${source.link?.id ?? 'NULL'} AS link_id FROM ${source.from}
         WHERE r.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify([...ids])) as { id: string; label: string | null; link_id: string | null }[];
    for (const row of found) {
      labels.set(recordKey(table, row.id), {
        label: row.label ? row.label : null,
        link: source.link && row.link_id ? { kind: source.link.kind, id: row.link_id } : null,
      });
    }
  }
  return labels;
}

export const recordKey = (table: string, rowId: string) => `${table}\u0000${rowId}`;

/** At most this many records answer a record search; a vaguer search narrows to the first found. */
const recordSearchLimit = 200;

/**
 * The records whose name holds `text` (contacts, companies, deals), with the rows that hang off the
 * contacts and deals found: the (table, row id) pairs whose changes a record search shows.
 */
export function recordsNamed(sqlite: Sqlite, text: string): [string, string][] {
  const like = `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const named = (table: string, column: string) =>
    (sqlite.prepare(`SELECT id FROM ${table} WHERE ${column} LIKE ? ESCAPE '\\' LIMIT ${recordSearchLimit}`).pluck().all(like) as string[]);
  const contacts = named('contacts', 'name');
  const contactsJson = JSON.stringify(contacts);
  // A contact's deals are theirs too, and so are those deals' quotes and stage moves.
  const deals = [
    ...new Set([
      ...named('deals', 'title'),
      ...(sqlite.prepare('SELECT id FROM deals WHERE contact_id IN (SELECT value FROM json_each(?))').pluck().all(contactsJson) as string[]),
    ]),
  ];
  const pairs: [string, string][] = [
    ...contacts.map((id): [string, string] => ['contacts', id]),
    ...named('companies', 'name').map((id): [string, string] => ['companies', id]),
    ...deals.map((id): [string, string] => ['deals', id]),
  ];
  const children = (tables: readonly string[], column: string, parents: string[]) => {
    if (parents.length === 0) return;
    const json = JSON.stringify(parents);
    for (const table of tables) {
      const ids = sqlite.prepare(`SELECT id FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?))`).pluck().all(json) as string[];
      for (const id of ids) pairs.push([table, id]);
    }
  };
  children(contactTables, 'contact_id', contacts);
  children(dealChildTables, 'deal_id', deals);
  return pairs;
}
