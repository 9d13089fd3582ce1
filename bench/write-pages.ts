import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src-main/core/create-core';
import { call } from './lib/context';
import { contactStatuses } from '../src-shared/domain/contact';

// The pages one contact edit (a status change through contacts.update) writes to the write-ahead
// log, by the table or index they belong to: what each edit costs the disk and the next checkpoint.
//
//   npx tsx bench/write-pages.ts DATA_DIR [EDITS]
//
// Copies DATA_DIR to a temporary folder, turns checkpoints off, makes EDITS edits (default 50) and
// reads the page number of each log frame they appended, named through SQLite's dbstat table.

const source = process.argv[2];
if (!source || !fs.existsSync(source)) throw new Error('Usage: npx tsx bench/write-pages.ts DATA_DIR [EDITS]');
const edits = Number(process.argv[3] ?? 50);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-pages-'));
const dataDir = path.join(work, 'data');
fs.cpSync(source, dataDir, { recursive: true });
const core = createCore({ dataDir, shell: 'test', logError: (error) => console.error(error) });
const db = core.sqlite;
db.pragma('wal_autocheckpoint = 0');
db.pragma('wal_checkpoint(TRUNCATE)');
const pageOf = new Map<number, string>();
for (const row of db.prepare('SELECT name, pageno FROM dbstat').all() as { name: string; pageno: number }[]) pageOf.set(row.pageno, row.name);
const pageSize = db.pragma('page_size', { simple: true }) as number;
const ids = db.prepare('SELECT id FROM contacts WHERE cl % 2 = 1 LIMIT ?').all(edits) as { id: string }[];
const walPath = path.join(dataDir, 'fieldbook.db-wal');
const counts = new Map<string, number>();
let frames = 0;
for (const [i, { id }] of ids.entries()) {
  const before = fs.existsSync(walPath) ? fs.statSync(walPath).size : 0;
  await call(core, 'contacts.update', { id, patch: { status: contactStatuses[(i + 1) % contactStatuses.length] } });
  const buf = fs.readFileSync(walPath);
  const start = before === 0 ? 32 : before;
  for (let off = start; off + 24 + pageSize <= buf.length; off += 24 + pageSize) {
    const page = buf.readUInt32BE(off);
    const name = pageOf.get(page) ?? `new/${page}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    frames++;
  }
}
console.log(`${(frames / ids.length).toFixed(2)} pages of ${pageSize} bytes per edit, over ${ids.length} edits; by table or index:`);
console.log([...counts].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${(count / ids.length).toFixed(2)} ${name}`).join('\n'));
core.close();
fs.rmSync(work, { recursive: true, force: true });
