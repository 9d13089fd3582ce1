import type { ErasedRow } from '../../src-shared/sync/erasure';
import type { Sqlite } from '../db/open';
import { contactChildTables } from '../contacts/child-tables';
import type { SyncedTableName } from '../writes/synced-tables';

// Which rows are a person's: everything that names their contact, the deals of theirs and what
// hangs off those deals and their calls, and the mail to or from their addresses. Deleted rows
// (even causal length) are theirs too: a deleted note still holds its text. Opt-outs (a number
// that texted STOP) are kept: honouring the objection is why they exist, and their id is the number.

const byContact: readonly SyncedTableName[] = contactChildTables;

export interface PersonRows {
  rows: ErasedRow[];
  /** What will go, counted by kind, for the confirmation. */
  counts: Partial<Record<SyncedTableName, number>>;
}

export function rowsOfPerson(sqlite: Sqlite, contactId: string): PersonRows {
  const found = new Map<SyncedTableName, Set<string>>();
  const add = (table: SyncedTableName, ids: readonly string[]) => {
    const set = found.get(table) ?? new Set<string>();
    for (const id of ids) set.add(id);
    found.set(table, set);
  };
  const ids = (sql: string, ...params: unknown[]) => (sqlite.prepare(sql).all(...params) as { id: string }[]).map((row) => row.id);
  const inList = (values: Iterable<string>) => JSON.stringify([...values]);

  // The contacts merged into theirs (deleted, naming it in merged_into) still hold their name and
  // addresses as they were before the merge: they are the person too, and so is what hangs off them.
  const people = ids(
    `WITH RECURSIVE person(id) AS (SELECT id FROM contacts WHERE id = ?
       UNION SELECT c.id FROM contacts AS c JOIN person AS p ON c.merged_into = p.id)
     SELECT id FROM person`,
    contactId,
  );
  add('contacts', people);
  for (const person of people) {
    for (const table of byContact) add(table, ids(`SELECT id FROM ${table} WHERE contact_id = ?`, person));
  }
  const deals = inList(found.get('deals') ?? []);
  add('quotes', ids('SELECT id FROM quotes WHERE deal_id IN (SELECT value FROM json_each(?))', deals));
  add('deal_stage_events', ids('SELECT id FROM deal_stage_events WHERE deal_id IN (SELECT value FROM json_each(?))', deals));
  add('jobs', ids('SELECT id FROM jobs WHERE deal_id IN (SELECT value FROM json_each(?))', deals));
  const calls = inList(found.get('calls') ?? []);
  add('follow_ups', ids('SELECT id FROM follow_ups WHERE call_id IN (SELECT value FROM json_each(?))', calls));
  add('jobs', ids('SELECT id FROM jobs WHERE call_id IN (SELECT value FROM json_each(?))', calls));
  add('call_tags', ids('SELECT id FROM call_tags WHERE call_id IN (SELECT value FROM json_each(?))', calls));
  // A referral names the partner as well as the contact referred.
  const everyone = inList(people);
  add('referrals', ids('SELECT id FROM referrals WHERE partner_id IN (SELECT value FROM json_each(?))', everyone));
  const addresses = sqlite
    .prepare('SELECT DISTINCT lower(address) AS address FROM contact_email_items WHERE contact_id IN (SELECT value FROM json_each(?))')
    .all(everyone) as { address: string }[];
  if (addresses.length > 0) {
    const list = inList(addresses.map((row) => row.address));
    add(
      'mail_messages',
      ids(
        `SELECT message_id AS id FROM mail_message_addresses WHERE address IN (SELECT value FROM json_each(?))
         UNION SELECT id FROM mail_messages WHERE lower(from_address) IN (SELECT value FROM json_each(?))`,
        list,
        list,
      ),
    );
  }
  const rows: ErasedRow[] = [];
  const counts: PersonRows['counts'] = {};
  for (const [table, set] of found) {
    if (set.size === 0) continue;
    counts[table] = set.size;
    for (const rowId of set) rows.push({ table, rowId });
  }
  return { rows, counts };
}
