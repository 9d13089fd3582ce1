import { sql } from 'drizzle-orm';
import type { RelayDatabase } from '../../../src-relay/db/open';
import type { Sqlite } from '../../../src-main/db/open';

// Reads every row of every table (the change log, indexes and full-text tables included) as text,
// to say which of `needles` any of them still holds. Blobs are read as bytes too: a full-text
// index keeps its words in blobs.

export function laptopHolds(sqlite: Sqlite, needles: readonly string[]): string[] {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  const found = new Set<string>();
  for (const { name } of tables) {
    for (const row of sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
      const text = Object.values(row)
        .map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : String(value)))
        .join('\u0001')
        .toLowerCase();
      for (const needle of needles) if (text.includes(needle.toLowerCase())) found.add(`${needle} in ${name}`);
    }
  }
  return [...found].sort();
}

export async function relayHolds(database: RelayDatabase, needles: readonly string[]): Promise<string[]> {
  const query = async <T>(statement: ReturnType<typeof sql.raw>) => ((await database.db.execute(statement)) as unknown as { rows: T[] }).rows;
  const tables = await query<{ table_name: string }>(sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
  const found = new Set<string>();
  for (const { table_name: name } of tables) {
    for (const { j } of await query<{ j: string }>(sql.raw(`SELECT row_to_json(t)::text AS j FROM "${name}" t`))) {
      const text = j.toLowerCase();
      for (const needle of needles) if (text.includes(needle.toLowerCase())) found.add(`${needle} in ${name}`);
    }
  }
  return [...found].sort();
}

/** How many rows the relay keeps the state of under `rowId` (of any table): its merged values, sealed or not. */
export async function relayRowStates(database: RelayDatabase, rowId: string): Promise<number> {
  const result = (await database.db.execute(sql`SELECT COUNT(*)::int AS n FROM row_state WHERE row_id = ${rowId}`)) as unknown as { rows: { n: number }[] };
  return result.rows[0]?.n ?? 0;
}
