import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { syncedTables } from '../../src-main/writes/synced-tables';
import type { BenchContext } from '../lib/context';
import { finish, type Figure } from '../lib/figures';

// The database's size on disk against the size of the data it holds: every synced row's synced
// columns written as CSV (one file per table, header included), the way a person would measure
// "my data". What the rest is made of comes from SQLite's dbstat table (bytes of the pages of
// each table and index): the clocks (`clocks` and its dictionaries: a base HLC per row plus the
// fields whose clock differs, src-main/writes/clock-encoding.ts), the change log,
// the search indexes and the other indexes.

export function storageSuite(context: BenchContext): Figure[] {
  const db = context.bareDb;
  const file = path.join(context.dataDir, 'fieldbook.db');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const onDisk = fs.statSync(file).size;

  let csvBytes = 0;
  let rows = 0;
  for (const [table, columns] of Object.entries(syncedTables)) {
    const names = ['id', ...columns];
    const read = db.prepare(`SELECT ${names.join(', ')} FROM ${table}`).raw();
    let chunk: unknown[][] = [];
    const flush = () => {
      if (chunk.length > 0) csvBytes += Buffer.byteLength(`${Papa.unparse(chunk, { newline: '\r\n' })}\r\n`);
      chunk = [];
    };
    csvBytes += Buffer.byteLength(`${names.join(',')}\r\n`);
    for (const row of read.iterate() as IterableIterator<unknown[]>) {
      chunk.push(row);
      rows += 1;
      if (chunk.length === 10_000) flush();
    }
    flush();
  }

  const parts = db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[];
  const owners = new Map(
    (db.prepare("SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')").all() as { name: string; tbl_name: string }[]).map((entry) => [entry.name, entry.tbl_name]),
  );
  const groups: Record<string, number> = { 'rows of the synced tables': 0, 'their indexes': 0, 'clocks (clocks and its dictionaries)': 0, 'change log (changes)': 0, 'search indexes': 0, other: 0 };
  const synced = new Set(Object.keys(syncedTables));
  for (const { name, bytes } of parts) {
    const owner = owners.get(name) ?? name;
    if (/_fts|search|_digits/.test(owner)) groups['search indexes']! += bytes;
    else if (owner === 'clocks' || owner.startsWith('clock_')) groups['clocks (clocks and its dictionaries)']! += bytes;
    else if (owner === 'changes') groups['change log (changes)']! += bytes;
    else if (synced.has(owner)) groups[name === owner ? 'rows of the synced tables' : 'their indexes']! += bytes;
    else groups.other! += bytes;
  }
  const clockBytes = (db.prepare('SELECT SUM(length(fields)) AS n FROM clocks').get() as { n: number }).n;
  const freeBytes = (db.pragma('freelist_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  const ratio = onDisk / csvBytes;
  const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
  return [
    finish({
      id: 'storage.size',
      title: `Database size on disk against its data as CSV (${rows.toLocaleString('en-GB')} synced rows)`,
      status: 'measured',
      value: { kind: 'amount', amount: { value: onDisk / 1024 ** 2, unit: 'MB' } },
      baseline: { title: "the same synced rows' synced columns as CSV, one file per table", value: { kind: 'amount', amount: { value: csvBytes / 1024 ** 2, unit: 'MB' } } },
      ratio: { statistic: 'size on disk / data as CSV', value: ratio },
      target: 'the database at most 2x the size of its data (rows as CSV) at 100k',
      checks: [{ text: `≤ 2x (${ratio.toFixed(1)}x: ${mb(onDisk)} on disk, ${mb(csvBytes)} as CSV)`, pass: ratio <= 2 }],
      note: `${Object.entries(groups).map(([group, bytes]) => `${group} ${mb(bytes)}`).join(', ')}; the clocks' field lists alone hold ${mb(clockBytes)}; free pages ${mb(freeBytes)}`,
      details: { onDiskBytes: onDisk, csvBytes, rows, groups, clockFieldsBytes: clockBytes, freeBytes },
    }),
  ];
}
