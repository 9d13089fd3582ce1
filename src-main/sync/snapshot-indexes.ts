import type { Sqlite } from '../db/open';

// While a new laptop loads the relay's snapshot, the secondary indexes of the tables it fills
// would be rewritten at every page's commit, each at random keys (ids, names, clocks): at 100k
// contacts with their timeline that was most of the load's time and ~6x the database's size in
// writes. So they are set aside for the load — dropped, with their definitions kept in a marker
// in the same transaction — and built again in one step at its end, each exactly as the
// migrations defined it (the text sqlite_master held). A laptop killed meanwhile still has the
// marker: the next start builds them again before the migrations run (src-main/db/open.ts: a
// migration may drop or replace one), and the load, carried on, sets them aside again. Leaving
// the workspace mid-load builds them too (sync-engine.ts). Two kinds stay: unique indexes, rules the writes rely on (ON CONFLICT) and
// not only a way to read; and the few the load itself reads through while it runs
// (readThroughWhileLoading): without them each page's derived data would scan a whole table.

const markerKey = 'sync.bootstrap.setAsideIndexes';

/**
 * Indexes the app reads through while a load runs. Each page's derived data (found by loading
 * the 10k bench set without each: bench/bootstrap-load.ts): when a new derived-data hook reads a
 * synced table by another column, its index belongs here. And those a query names (INDEXED BY),
 * which fails without them.
 */
export const readThroughWhileLoading: ReadonlySet<string> = new Set([
  // INDEXED BY in src-main/calls/queries.ts and src-main/calls/sla-report.ts.
  'calls_untriaged',
  'follow_ups_call_back_due',
  // INDEXED BY in src-main/contacts/queries.ts (a search with few matches).
  'contacts_alive_search',
  // INDEXED BY in src-main/phone/caller-matching.ts (the phone line's unlinked calls and texts).
  'calls_unlinked_phone_line',
  'texts_unlinked',
  // A contact's tags, for its search entry (src-main/contacts/search-index.ts).
  'contact_tags_contact',
  // A contact's next follow-up (src-main/followups/service.ts), and a new contact marking its
  // follow-ups live (the trigger of migration 0030).
  'follow_ups_contact',
  // The follow-ups due and the next one due, which the reminder job asks after every page that
  // wrote follow-ups (src-main/followups/jobs.ts): without it each asking scanned every follow-up
  // loaded so far (0.2–0.6 s a page at 100k, growing with each page). Partial: open follow-ups only.
  'follow_ups_live_open_due',
]);

interface SetAsideIndex {
  name: string;
  sql: string;
}

/** Whether indexes are set aside for a load not finished yet. */
export function hasIndexesSetAside(sqlite: Sqlite): boolean {
  return sqlite.prepare('SELECT 1 FROM local_settings WHERE key = ?').get(markerKey) !== undefined;
}

/**
 * Drops the non-unique secondary indexes of `tables` and records their definitions; call inside
 * the transaction of the first page loaded. Nothing happens when they are set aside already.
 */
export function setIndexesAside(sqlite: Sqlite, tables: readonly string[]): void {
  if (hasIndexesSetAside(sqlite)) return;
  const candidates = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master
        WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE INDEX%'
          AND tbl_name IN (SELECT value FROM json_each(?))
        ORDER BY rowid`,
    )
    .all(JSON.stringify(tables)) as SetAsideIndex[];
  const indexes = candidates.filter(({ name }) => !readThroughWhileLoading.has(name));
  sqlite.prepare('INSERT INTO local_settings (key, value) VALUES (?, ?)').run(markerKey, JSON.stringify(indexes));
  // Names come from sqlite_master, never from input.
  for (const { name } of indexes) sqlite.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
}

/**
 * At start, before the migrations: the indexes of a load interrupted, built again in one
 * transaction, so that the migrations find the schema they expect. Nothing on a new database.
 */
export function restoreIndexesOfInterruptedLoad(sqlite: Sqlite): void {
  if (sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'local_settings'").get() === undefined) return;
  sqlite.transaction(() => restoreIndexes(sqlite))();
}

/** Builds the indexes set aside again, as they were defined, and drops the marker; call inside a transaction. */
export function restoreIndexes(sqlite: Sqlite): void {
  const marker = sqlite.prepare('SELECT value FROM local_settings WHERE key = ?').pluck().get(markerKey) as string | undefined;
  if (marker === undefined) return;
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
  // One built again by a migration run meanwhile (an upgrade while the load was interrupted) is left as it is.
  for (const { name, sql } of JSON.parse(marker) as SetAsideIndex[]) if (exists.get(name) === undefined) sqlite.exec(sql);
  sqlite.prepare('DELETE FROM local_settings WHERE key = ?').run(markerKey);
}
