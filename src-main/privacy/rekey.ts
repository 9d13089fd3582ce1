import { statementCache, type Sqlite } from '../db/open';
import { insertRows } from '../writes/bulk-insert';
import { clockStoreOf } from '../writes/clock-store';
import { baseItemId, contactIdOfTagRow, tagRowId, unkeyedBaseItemId, type BaseItemList } from './row-ids';

// Moves every row with a derived id (a tag, the item of a base list entry) to its id under a new
// row-id key (row-ids.ts): planned once, then moved a batch of rows per transaction
// (RowIdKeys.adopt), each row whole, so whatever stops the process, each row is under one id or
// the other and the next run moves the rest. What names a row by its id follows it: its clocks, its changes in the change log (pushed
// ones too, so that a later forget finds the whole history under the id it erases), changes kept
// aside or pending, what a bulk action remembers of it, and the erased rows (the new id is added:
// a change arriving for the row under either id is still set aside).

export interface RekeyProgress {
  tags: number;
  items: number;
}

const itemLists: { table: 'contact_phone_items' | 'contact_email_items'; list: BaseItemList; base: 'base_phones' | 'base_emails'; value: 'e164' | 'address' }[] = [
  { table: 'contact_phone_items', list: 'phones', base: 'base_phones', value: 'e164' },
  { table: 'contact_email_items', list: 'emails', base: 'base_emails', value: 'address' },
];

/** The value of each entry of a base list (JSON), or none when it is not one. */
function baseValues(text: string | null, valueField: string): string[] {
  if (text === null) return [];
  try {
    const list: unknown = JSON.parse(text);
    if (!Array.isArray(list)) return [];
    return list.flatMap((entry) => {
      const value = (entry as Record<string, unknown> | null)?.[valueField];
      return typeof value === 'string' ? [value] : [];
    });
  } catch {
    return [];
  }
}

type Move = [table: string, oldId: string, newId: string];

/** Every row with a derived id that is not under `to` yet, with the id it gets there. Reads only. */
export function planRekey(sqlite: Sqlite, from: Buffer | undefined, to: Buffer): Move[] {
  const moves: Move[] = [];

  const tagRows = sqlite.prepare('SELECT id, contact_id, tag FROM contact_tags').all() as { id: string; contact_id: string; tag: string }[];
  for (const row of tagRows) {
    const contactId = row.contact_id || contactIdOfTagRow(row.id);
    // A row that arrived as a bare change (no tag yet) is named by its id, if that is of the earlier form.
    const suffix = row.id.slice(contactId.length + 1);
    const tag = row.tag || (suffix.startsWith('#') ? '' : suffix);
    if (tag === '') continue;
    const newId = tagRowId(contactId, tag, to);
    if (newId !== row.id) moves.push(['contact_tags', row.id, newId]);
  }

  for (const { table, list, base, value } of itemLists) {
    // Only the items of base list entries have derived ids: `~` (unkeyed hash) or `=` (keyed).
    const rows = sqlite.prepare(`SELECT i.id, i.contact_id, c.${base} AS base FROM ${table} AS i JOIN contacts AS c ON c.id = i.contact_id WHERE substr(i.id, length(i.contact_id) + 2, 1) IN ('~', '=')`).all() as {
      id: string;
      contact_id: string;
      base: string | null;
    }[];
    const entriesOf = new Map<string, Map<string, string>>();
    for (const row of rows) {
      let entries = entriesOf.get(row.contact_id);
      if (!entries) {
        entries = new Map();
        for (const entryValue of baseValues(row.base, value)) {
          const newId = baseItemId(row.contact_id, list, entryValue, to);
          entries.set(unkeyedBaseItemId(row.contact_id, list, entryValue), newId);
          if (from) entries.set(baseItemId(row.contact_id, list, entryValue, from), newId);
        }
        entriesOf.set(row.contact_id, entries);
      }
      const newId = entries.get(row.id);
      if (newId && newId !== row.id) moves.push([table, row.id, newId]);
    }
  }
  return moves;
}

/**
 * Moves these rows, with everything that names them, to their new ids; call inside a transaction.
 * Each row is moved whole, so a batch at a time is safe: between batches, every row is wholly
 * under one id or the other. Answers how many tags and items moved.
 */
export function applyRekeyMoves(sqlite: Sqlite, batch: readonly Move[]): RekeyProgress {
  const moves = [...batch];
  dropCollisions(sqlite, moves);
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS rekeyed (table_name TEXT NOT NULL, old_id TEXT NOT NULL, new_id TEXT NOT NULL, PRIMARY KEY (table_name, old_id))');
  sqlite.exec('DELETE FROM temp.rekeyed');
  insertRows((sql) => sqlite.prepare(sql), 'temp.rekeyed', ['table_name', 'old_id', 'new_id'], moves);
  const byTable = (table: string) => `UPDATE ${table} SET id = r.new_id FROM temp.rekeyed AS r WHERE r.table_name = '${table}' AND ${table}.id = r.old_id`;
  for (const table of ['contact_tags', ...itemLists.map((entry) => entry.table)]) sqlite.exec(byTable(table));
  sqlite.exec(
    'UPDATE clocks SET row_id = r.new_id FROM temp.rekeyed AS r JOIN clock_tables AS t ON t.name = r.table_name WHERE clocks.table_code = t.code AND clocks.row_id = r.old_id',
  );
  for (const bookkeeping of ['changes', 'pending_changes', 'set_aside_changes']) {
    sqlite.exec(`UPDATE ${bookkeeping} SET row_id = r.new_id FROM temp.rekeyed AS r WHERE ${bookkeeping}.table_name = r.table_name AND ${bookkeeping}.row_id = r.old_id`);
  }
  sqlite.exec('UPDATE OR IGNORE bulk_action_rows SET row_id = r.new_id FROM temp.rekeyed AS r WHERE bulk_action_rows.table_name = r.table_name AND bulk_action_rows.row_id = r.old_id');
  sqlite.exec('UPDATE OR IGNORE erased_rows SET row_id = r.new_id FROM temp.rekeyed AS r WHERE erased_rows.table_name = r.table_name AND erased_rows.row_id = r.old_id');
  sqlite.exec('DELETE FROM temp.rekeyed');
  const tags = moves.filter(([table]) => table === 'contact_tags').length;
  return { tags, items: moves.length - tags };
}

/** Tags of people forgotten earlier: their rows are gone, their earlier-form ids name the tag; the keyed id is erased too. */
export function rekeyErasedTags(sqlite: Sqlite, to: Buffer): void {
  const erasedTags = sqlite.prepare("SELECT row_id, erasure_id FROM erased_rows WHERE table_name = 'contact_tags'").all() as { row_id: string; erasure_id: string }[];
  const addErased = sqlite.prepare("INSERT OR IGNORE INTO erased_rows (table_name, row_id, erasure_id) VALUES ('contact_tags', ?, ?)");
  for (const row of erasedTags) {
    const contactId = contactIdOfTagRow(row.row_id);
    const suffix = row.row_id.slice(contactId.length + 1);
    if (!suffix.startsWith('#') && suffix !== '') addErased.run(tagRowId(contactId, suffix, to), row.erasure_id);
  }
}

/** Every row at once, inside the caller's transaction (RowIdKeys.adopt goes a batch at a time). */
export function rekeyRows(sqlite: Sqlite, from: Buffer | undefined, to: Buffer, onProgress?: (progress: RekeyProgress) => void): RekeyProgress {
  const progress = applyRekeyMoves(sqlite, planRekey(sqlite, from, to));
  rekeyErasedTags(sqlite, to);
  onProgress?.(progress);
  return progress;
}

/**
 * Two rows that become one id (the same tag arrived under both forms before this laptop held the
 * key): the one written last stays; the other's row and clocks go (its changes stay in the log).
 */
function dropCollisions(sqlite: Sqlite, moves: Move[]): void {
  const clocks = clockStoreOf(sqlite);
  const latest = (table: string, id: string) => Object.values(clocks.read(table, id)).reduce((highest, hlc) => (hlc > highest ? hlc : highest), '');
  const statement = statementCache(sqlite);
  const drop = (table: string, id: string) => {
    statement(`DELETE FROM ${table} WHERE id = ?`).run(id);
    clocks.delete(table, id);
  };
  // The row that will hold each new id: one already stored under it, or the first moved there.
  const holder = new Map<string, string>();
  const kept: Move[] = [];
  for (const move of moves) {
    const [table, oldId, newId] = move;
    const target = `${table}\u0000${newId}`;
    const stored = statement(`SELECT 1 FROM ${table} WHERE id = ?`).get(newId) !== undefined;
    const other = holder.get(target) ?? (stored ? newId : undefined);
    if (other === undefined) {
      holder.set(target, oldId);
      kept.push(move);
      continue;
    }
    if (latest(table, oldId) <= latest(table, other)) {
      drop(table, oldId);
      continue;
    }
    drop(table, other);
    holder.set(target, oldId);
    const at = kept.findIndex(([keptTable, keptOld]) => keptTable === table && keptOld === other);
    if (at !== -1) kept.splice(at, 1);
    kept.push(move);
  }
  moves.splice(0, moves.length, ...kept);
}
