import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src-main/core/create-core';
import { unencryptedForComparison } from '../src-main/security/key-source';
import Database from 'better-sqlite3-multiple-ciphers';
import { insertRows } from '../src-main/writes/bulk-insert';
import { keepTemporaryFilesInMemory } from '../src-main/security/database-cipher';
import type { FieldValue } from '../src-main/writes/synced-tables';

// How far the CSV import is from what SQLite itself needs to store the same contacts
// (BENCHMARKS.md, "The import's floor"):
//
//   npx tsx bench/import-floor.ts --csv FILE [--keep]
//
// 1. The import as the wizard runs it (stage, preview, run) into a fresh, unencrypted data folder,
//    CPU of each phase (process.cpuUsage: every thread).
// 2. The storage floor: a second fresh folder, migrated by the core, then in one transaction every
//    row the import left behind copied from the first by `INSERT … SELECT` — the contacts with their
//    12 indexes and insert triggers, the change log and its indexes, the clocks, the phone and e-mail
//    match rows, the tag rows — and the two full-text indexes filled from the copied rows by SQL
//    (the words the app's indexer writes, near enough: name, company, e-mail addresses, numbers'
//    digits). No JavaScript runs per row: this is the schema's own cost for these rows, which no
//    import path that keeps this schema can go below.
// 3. The same copy with the secondary (non-unique) indexes dropped first and built once at the end,
//    as a bulk path into an empty folder could do.
// Both floors exclude reading and decoding the CSV, mapping and duplicate detection (the preview).

const csvArg = process.argv.indexOf('--csv');
if (csvArg < 0 || !process.argv[csvArg + 1]) throw new Error('usage: npx tsx bench/import-floor.ts --csv FILE');
const csv = path.resolve(process.argv[csvArg + 1]!);

const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

async function importThroughCore(dataDir: string) {
  const core = createCore({ dataDir, shell: 'test', autoSync: false, keySource: unencryptedForComparison(), logError: (error) => console.error(error) });
  try {
    const fileName = path.basename(csv);
    const phase = async <T>(work: () => Promise<T> | T) => {
      const cpu = process.cpuUsage();
      const wall = performance.now();
      const result = await work();
      return { result, cpuMs: cpuMs(cpu), wallMs: performance.now() - wall };
    };
    const stage = await phase(() => core.files.stage(fs.createReadStream(csv), fileName, 'import'));
    const preview = await phase(() => core.exchange.previewUpload({ uploadId: stage.result.uploadId, onDuplicate: 'skip', decisions: {}, fileName }));
    const run = await phase(async () => {
      const { jobId } = core.exchange.startImport({ uploadId: stage.result.uploadId, onDuplicate: 'skip', decisions: {}, fileName, mapping: preview.result.mapping });
      return core.exchange.jobs.settled(jobId, 5);
    });
    if (run.result.state !== 'done') throw new Error(`The import ended ${run.result.state}`);
    return { stage, preview, run, counts: run.result.importReport?.counts };
  } finally {
    core.close();
  }
}

function freshFolder(): { dir: string; db: Database.Database } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-import-floor-'));
  createCore({ dataDir: dir, shell: 'test', autoSync: false, keySource: unencryptedForComparison(), logError: () => {} }).close();
  const db = new Database(path.join(dir, 'fieldbook.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // As the app's connection: no statement journal in a file.
  keepTemporaryFilesInMemory(db);
  return { dir, db };
}

/** Tables the import wrote rows into (skipping the full-text indexes' own shadow tables). */
function tablesWithRows(db: Database.Database, schema: string): string[] {
  const names = db
    .prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%\\_fts\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'`)
    .pluck()
    .all() as string[];
  return names.filter((name) => (db.prepare(`SELECT COUNT(*) FROM ${schema}."${name}"`).pluck().get() as number) > 0);
}

function copyFloor(importedDb: string, dropIndexes: boolean) {
  const { dir, db } = freshFolder();
  db.exec(`ATTACH DATABASE '${importedDb.replaceAll("'", "''")}' AS src`);
  const tables = tablesWithRows(db, 'src');
  // Tables the schema's triggers keep (figures, counts) fill themselves as the rows go in.
  const triggerSql = (db.prepare(`SELECT sql FROM main.sqlite_master WHERE type = 'trigger'`).pluck().all() as string[]).join('\n');
  const kept = (name: string) => new RegExp(`INSERT\\s+(OR\\s+\\w+\\s+)?INTO\\s+[\`"]?${name}[\`"]?[\\s(]`, 'i').test(triggerSql);
  const emptyBefore = tables.filter((name) => !kept(name) && (db.prepare(`SELECT COUNT(*) FROM main."${name}"`).pluck().get() as number) === 0);
  const rows = Object.fromEntries(emptyBefore.map((name) => [name, db.prepare(`SELECT COUNT(*) FROM src."${name}"`).pluck().get() as number]));
  const secondary = dropIndexes
    ? (db
        .prepare(`SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(emptyBefore)) as { name: string; sql: string }[])
    : [];
  const cpu = process.cpuUsage();
  const wall = performance.now();
  db.transaction(() => {
    for (const index of secondary) db.exec(`DROP INDEX main."${index.name}"`);
    for (const name of emptyBefore) {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).pluck().all(name) as string[]).map((column) => `"${column}"`).join(', ');
      db.exec(`INSERT INTO main."${name}" (${columns}) SELECT ${columns} FROM src."${name}"`);
    }
    db.exec(`INSERT INTO main.contacts_fts (rowid, name, company, emails, tags, phones)
      SELECT c.search_rowid, c.name, c.company,
             (SELECT group_concat(e.value ->> 'address', ' ') FROM json_each(c.emails) e),
             '',
             (SELECT group_concat(replace(p.value ->> 'e164', '+', ''), ' ') FROM json_each(c.phones) p)
      FROM main.contacts c WHERE c.search_rowid IS NOT NULL`);
    db.exec(`INSERT INTO main.contact_digits_fts (rowid, digits)
      SELECT c.search_rowid, (SELECT group_concat(replace(p.value ->> 'e164', '+', ''), ' ') FROM json_each(c.phones) p)
      FROM main.contacts c WHERE c.search_rowid IS NOT NULL AND c.phones <> '[]'`);
    for (const index of secondary) db.exec(index.sql);
  })();
  const figures = { cpuMs: cpuMs(cpu), wallMs: performance.now() - wall, indexesBuiltAfter: secondary.length, rows };
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return figures;
}

/** The same copy, each table's rows handed through JavaScript into the write path's multi-row INSERTs (insertRows). */
function copyThroughJs(importedDb: string) {
  const { dir, db } = freshFolder();
  const src = new Database(importedDb, { readonly: true });
  const triggerSql = (db.prepare(`SELECT sql FROM main.sqlite_master WHERE type = 'trigger'`).pluck().all() as string[]).join('\n');
  const kept = (name: string) => new RegExp(`INSERT\\s+(OR\\s+\\w+\\s+)?INTO\\s+[\`"]?${name}[\`"]?[\\s(]`, 'i').test(triggerSql);
  const tables = tablesWithRows(src, 'main').filter((name) => !kept(name) && (db.prepare(`SELECT COUNT(*) FROM main."${name}"`).pluck().get() as number) === 0);
  const cache = new Map<string, Database.Statement>();
  const statement = (sql: string) => cache.get(sql) ?? cache.set(sql, db.prepare(sql)).get(sql)!;
  const perTable: Record<string, number> = {};
  const cpu = process.cpuUsage();
  db.transaction(() => {
    for (const name of tables) {
      const columns = db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).pluck().all(name) as string[];
      const rows = src.prepare(`SELECT ${columns.map((column) => `"${column}"`).join(', ')} FROM "${name}"`).raw().all() as FieldValue[][];
      const started = process.cpuUsage();
      insertRows(statement as never, `"${name}"`, columns.map((column) => `"${column}"`), rows);
      perTable[name] = Math.round(cpuMs(started));
    }
  })();
  const figures = { cpuMs: cpuMs(cpu), perTable };
  db.close();
  src.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return figures;
}

const importDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-import-floor-'));
try {
  const load = () => os.loadavg()[0]!.toFixed(1);
  const loadBefore = load();
  const imported = await importThroughCore(importDir);
  const importedDb = path.join(importDir, 'fieldbook.db');
  const floor = copyFloor(importedDb, false);
  const bulkFloor = copyFloor(importedDb, true);
  const throughJs = copyThroughJs(importedDb);
  const fmt = (figures: { cpuMs: number; wallMs: number }) => `${(figures.cpuMs / 1000).toFixed(2)} s CPU, ${(figures.wallMs / 1000).toFixed(2)} s wall`;
  console.log(`CSV ${csv}; load ${loadBefore} → ${load()}; outcome ${JSON.stringify(imported.counts)}`);
  console.log(`import: stage ${fmt(imported.stage)}; preview ${fmt(imported.preview)}; run ${fmt(imported.run)}`);
  console.log(`floor, the same rows by INSERT … SELECT with every index: ${fmt(floor)}`);
  console.log(`floor, secondary indexes (${bulkFloor.indexesBuiltAfter}) built once after: ${fmt(bulkFloor)}`);
  console.log(`the same rows read into JavaScript and written by insertRows (multi-row INSERTs), no full-text rows: ${(throughJs.cpuMs / 1000).toFixed(2)} s CPU; per table ${JSON.stringify(throughJs.perTable)}`);
  console.log(`rows copied: ${JSON.stringify(floor.rows)}`);
} finally {
  if (process.argv.includes('--keep')) console.log(`kept the imported folder: ${importDir}`);
  else fs.rmSync(importDir, { recursive: true, force: true });
}
