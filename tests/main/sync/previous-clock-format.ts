import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { defaultMigrationsFolder } from '../../../src-main/db/open';
import { ClockStore } from '../../../src-main/writes/clock-store';
import { openDatabaseFile } from '../../helpers/open-database-file';

/**
 * Puts a closed data folder back in the format of the previous release: the clocks as JSON in
 * row_clocks (as migration 0000 made it), the compact tables gone, and migration 0035 (and those after it) not applied.
 * `extraRows` are added as they are, as a previous release could have stored them. Answers the
 * JSON clocks it wrote, by `<table> <row id>`.
 */
export function toPreviousClockFormat(dataDir: string, extraRows: readonly { table: string; rowId: string; json: string }[] = []): Map<string, string> {
  const journal = JSON.parse(fs.readFileSync(path.join(defaultMigrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
  const compact = journal.entries.find((entry) => entry.tag.endsWith('_compact_clocks'))!;
  const db = openDatabaseFile(dataDir);
  const written = new Map<string, string>();
  try {
    const store = new ClockStore(db);
    const rows = db.prepare('SELECT t.name AS table_name, c.row_id FROM clocks c JOIN clock_tables t ON t.code = c.table_code').all() as { table_name: string; row_id: string }[];
    db.transaction(() => {
      db.exec('CREATE TABLE `row_clocks` (`table_name` text NOT NULL, `row_id` text NOT NULL, `clocks` text NOT NULL, PRIMARY KEY(`table_name`, `row_id`))');
      const insert = db.prepare('INSERT INTO row_clocks (table_name, row_id, clocks) VALUES (?, ?, ?)');
      for (const row of rows) {
        const json = JSON.stringify(store.read(row.table_name, row.row_id));
        insert.run(row.table_name, row.row_id, json);
        written.set(`${row.table_name} ${row.row_id}`, json);
      }
      for (const row of extraRows) {
        insert.run(row.table, row.rowId, row.json);
        written.set(`${row.table} ${row.rowId}`, row.json);
      }
      db.exec('DROP TABLE clocks; DROP TABLE clock_fields; DROP TABLE clock_tables; DROP TABLE clock_devices');
      // What 0037 adds, which a previous release did not have.
      db.exec(
        'DROP TRIGGER deal_stage_figures_insert; DROP TRIGGER deal_stage_figures_delete; DROP TRIGGER deal_stage_figures_update; DROP TABLE deal_stage_figures',
      );
      // And the indexes of 0038 (the contacts list's plans), 0039 (the phone line's unlinked calls)
      // and the one 0040 adds (a page's tags).
      db.exec(
        'DROP INDEX contact_tags_present_tag; DROP INDEX contacts_alive_search; DROP INDEX calls_unlinked_phone_line; DROP INDEX texts_unlinked; DROP INDEX contact_tags_present_contact',
      );
      // Drizzle runs the migrations newer than the newest one recorded, so 0035 and every later one
      // are forgotten and run again when the folder is opened; the later ones (0036 and 0040 rebuild
      // indexes, 0037 adds the board's figures, 0038, 0039 and 0040 indexes, all dropped above) leave a previous release's data as
      // they would have found it.
      expect(db.prepare('DELETE FROM __drizzle_migrations WHERE created_at >= ?').run(compact.when).changes).toBeGreaterThanOrEqual(1);
    })();
  } finally {
    db.close();
  }
  return written;
}

/** The clock tables of a data folder: `row_clocks…` in the previous format, `clocks` in the compact one. */
export function clockTableNames(dataDir: string): string[] {
  const db = openDatabaseFile(dataDir, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'row_clocks%' OR name = 'clocks')").pluck().all() as string[]).sort();
  } finally {
    db.close();
  }
}
