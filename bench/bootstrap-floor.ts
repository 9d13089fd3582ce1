import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { createCore } from '../src-main/core/create-core';
import { testKeySource } from '../src-main/security/key-source';
import { keyFilePath } from '../src-main/security/key-file';
import { openFolderDatabase } from '../src-main/security/open-folder-database';
import type { LoadingMutationEngine } from '../src-main/sync/loading-engine';
import { readThroughWhileLoading } from '../src-main/sync/snapshot-indexes';
import { SnapshotLoader } from '../src-main/sync/snapshot-load';
import { snapshotRowsOf } from './lib/snapshot-rows';

// How far a new laptop's bootstrap is from what SQLite itself needs to store what it stores
// (BENCHMARKS.md, "The bootstrap's floor"):
//
//   npx tsx bench/bootstrap-floor.ts <bench data folder> [page rows]
//
// 1. The load as bench/bootstrap-load.ts runs it (the folder's change log folded into snapshot
//    rows, loaded as given by SnapshotLoader in pages) into a fresh data folder: CPU and wall.
// 2. The storage floor: a second fresh folder, migrated by the core and encrypted with the same
//    key, then in one transaction every row the load left copied from the first by
//    `INSERT … SELECT`: every synced table, the clocks and their dictionaries, the change log, the
//    derived tables (list items, match rows, figures not kept by triggers, call analysis); the
//    tables the schema's triggers keep fill themselves as the rows go in; and the full-text indexes
//    (all contentless) filled from the copied rows by SQL with the words the app's indexers write,
//    near enough. Every index maintained as the rows go in. No JavaScript runs per row: this is the
//    schema's own cost for these rows, below which no load keeping this schema can go.
// 3. The same copy with the copied tables' secondary (non-unique) indexes dropped first and built
//    once at the end, as the load does: those it reads through while it runs stay
//    (readThroughWhileLoading, snapshot-indexes.ts).
// Neither floor includes fetching or checking the pages; foreign keys are not checked in the copy.

const [source, pageArg = '2000'] = process.argv.slice(2);
if (!source) throw new Error('usage: npx tsx bench/bootstrap-floor.ts <bench data folder> [page rows]');
const pageRows = Number(pageArg);

const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};
const loadAverage = () => os.loadavg()[0]!.toFixed(1);

interface Figures {
  cpu: number;
  wall: number;
}

function measure(work: () => void): Figures {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  work();
  return { cpu: cpuSeconds(cpu), wall: (performance.now() - wall) / 1000 };
}

function loadSnapshot(dataDir: string): Figures & { rows: number } {
  const rows = snapshotRowsOf(source!);
  const figures = measure(() => {
    const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: (error) => console.error(error) });
    try {
      const loader = new SnapshotLoader(core.sqlite, core.engine as LoadingMutationEngine);
      for (let at = 0; at < rows.length; at += pageRows) loader.loadPage(rows.slice(at, at + pageRows), () => {}, { last: at + pageRows >= rows.length });
      loader.finishLoad();
    } finally {
      core.close();
    }
  });
  return { ...figures, rows: rows.length };
}

/** A fresh data folder migrated by the core, keyed with `loadedDir`'s key (so the loaded file attaches without one). */
function freshFolder(loadedDir: string): { dir: string; db: Database.Database } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-bootstrap-floor-'));
  fs.copyFileSync(keyFilePath(loadedDir), keyFilePath(dir));
  createCore({ dataDir: dir, shell: 'test', autoSync: false, logError: () => {} }).close();
  const db = openFolderDatabase(dir, testKeySource());
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return { dir, db };
}

const count = (db: Database.Database, table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

/**
 * Each full-text index the load filled, from the copied rows by SQL: the words the app's indexers
 * (src-main/contacts/search-index.ts, notes, calls, search/) write, near enough (digit runs are
 * the numbers without their '+'; a transcript is not trimmed).
 */
const fullTextFills: Record<string, string> = {
  contacts_fts: `INSERT INTO main.contacts_fts (rowid, name, company, emails, tags, phones)
    SELECT c.search_rowid, c.name, c.company,
           (SELECT group_concat(e.value ->> 'address', ' ') FROM json_each(c.emails) e),
           coalesce((SELECT group_concat(t.tag, ' ') FROM main.contact_tags t WHERE t.contact_id = c.id AND t.present = 1), ''),
           coalesce((SELECT group_concat(replace(p.value ->> 'e164', '+', ''), ' ') FROM json_each(c.phones) p), '')
    FROM main.contacts c WHERE c.search_rowid IS NOT NULL AND c.cl % 2 = 1`,
  contact_digits_fts: `INSERT INTO main.contact_digits_fts (rowid, digits)
    SELECT c.search_rowid, (SELECT group_concat(replace(p.value ->> 'e164', '+', ''), ' ') FROM json_each(c.phones) p)
    FROM main.contacts c WHERE c.search_rowid IS NOT NULL AND c.cl % 2 = 1 AND c.phones <> '[]'`,
  notes_fts: `INSERT INTO main.notes_fts (rowid, body) SELECT search_rowid, body FROM main.notes WHERE search_rowid IS NOT NULL AND cl % 2 = 1`,
  calls_fts: `INSERT INTO main.calls_fts (rowid, body)
    SELECT a.search_rowid, c.transcript FROM main.call_analysis a JOIN main.calls c ON c.id = a.call_id`,
  call_digits_fts: `INSERT INTO main.call_digits_fts (rowid, number) SELECT number_rowid, number FROM main.calls WHERE number_rowid IS NOT NULL AND cl % 2 = 1 AND number <> ''`,
  call_notes_fts: `INSERT INTO main.call_notes_fts (rowid, body) SELECT notes_rowid, notes FROM main.calls WHERE notes_rowid IS NOT NULL AND cl % 2 = 1 AND notes <> ''`,
};

function copyFloor(loadedDir: string, indexesAfter: boolean): Figures & { copied: Record<string, number>; indexesBuiltAfter: number; fullText: string[] } {
  const { dir, db } = freshFolder(loadedDir);
  try {
    // No KEY: the attached file takes the main database's key, which is the same.
    db.exec(`ATTACH DATABASE '${path.join(loadedDir, 'fieldbook.db').replaceAll("'", "''")}' AS src`);
    const all = db
      .prepare(
        `SELECT name, sql FROM src.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'`,
      )
      .all() as { name: string; sql: string }[];
    const virtual = new Set(all.filter((table) => /^CREATE VIRTUAL/i.test(table.sql)).map((table) => table.name));
    const shadow = (name: string) => [...virtual].some((fts) => name.startsWith(`${fts}_`));
    const triggerSql = (db.prepare(`SELECT sql FROM main.sqlite_master WHERE type = 'trigger'`).pluck().all() as string[]).join('\n');
    const keptByTriggers = (name: string) => new RegExp(`INSERT\\s+(OR\\s+\\w+\\s+)?INTO\\s+[\`"]?${name}[\`"]?[\\s(]`, 'i').test(triggerSql);
    const tables = all
      .map((table) => table.name)
      .filter((name) => !virtual.has(name) && !shadow(name) && !keptByTriggers(name))
      .filter((name) => count(db, `src."${name}"`) > 0 && count(db, `main."${name}"`) === 0);
    const fullText = [...virtual].filter((name) => count(db, `src."${name}"`) > 0);
    const unknown = fullText.filter((name) => !(name in fullTextFills));
    if (unknown.length > 0) throw new Error(`No SQL fill for the full-text indexes ${unknown.join(', ')}: add one to fullTextFills`);
    const secondary = indexesAfter
      ? (db
          .prepare(
            `SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (SELECT value FROM json_each(?))`,
          )
          .all(JSON.stringify(tables)) as { name: string; sql: string }[]).filter(({ name }) => !readThroughWhileLoading.has(name))
      : [];
    const copied: Record<string, number> = {};
    const figures = measure(() =>
      db.transaction(() => {
        for (const index of secondary) db.exec(`DROP INDEX main."${index.name}"`);
        for (const name of tables) {
          const columns = (db.prepare(`SELECT name FROM pragma_table_info(?, 'src')`).pluck().all(name) as string[]).map((column) => `"${column}"`).join(', ');
          copied[name] = db.prepare(`INSERT INTO main."${name}" (${columns}) SELECT ${columns} FROM src."${name}"`).run().changes;
        }
        for (const name of fullText) db.exec(fullTextFills[name]!);
        for (const index of secondary) db.exec(index.sql);
      })(),
    );
    for (const name of fullText) {
      const [loaded, filled] = [count(db, `src."${name}"`), count(db, `main."${name}"`)];
      if (loaded !== filled) throw new Error(`${name}: the load left ${loaded} rows, the floor's SQL filled ${filled}`);
    }
    return { ...figures, copied, indexesBuiltAfter: secondary.length, fullText };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const loadedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-bootstrap-floor-'));
try {
  const loadBefore = loadAverage();
  const load = loadSnapshot(loadedDir);
  const floor = copyFloor(loadedDir, false);
  const floorIndexesAfter = copyFloor(loadedDir, true);
  const fmt = (figures: Figures) => `${figures.cpu.toFixed(2)} s CPU, ${figures.wall.toFixed(2)} s wall`;
  const rows = Object.values(floor.copied).reduce((sum, n) => sum + n, 0);
  console.log(`${source}: ${load.rows} snapshot rows, pages of ${pageRows}; load average ${loadBefore} → ${loadAverage()}`);
  console.log(`load (SnapshotLoader, as given): ${fmt(load)}`);
  console.log(`floor, the same ${rows} rows by INSERT … SELECT with every index, full text by SQL: ${fmt(floor)} (${(floor.cpu / load.cpu).toFixed(2)}x the load's CPU)`);
  console.log(
    `floor, secondary indexes (${floorIndexesAfter.indexesBuiltAfter}) built once after: ${fmt(floorIndexesAfter)} (${(floorIndexesAfter.cpu / load.cpu).toFixed(2)}x the load's CPU)`,
  );
  console.log(`rows copied: ${JSON.stringify(floor.copied)}; full text filled by SQL: ${floor.fullText.join(', ')}`);
} finally {
  fs.rmSync(loadedDir, { recursive: true, force: true });
}
