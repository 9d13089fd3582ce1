import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src-main/core/create-core';
import { importChunkRows } from '../src-main/exchange/import/service';
import { unencryptedForComparison } from '../src-main/security/key-source';

// Which tables and indexes the import's commits write, page by page (BENCHMARKS.md, "The
// import's commits: which b-trees their pages belong to"):
//
//   npx tsx bench/import-pages.ts --csv FILE
//
// Imports FILE into a fresh, unencrypted data folder as bench/import-cpu.ts does, with no
// checkpoint during the run, so the log keeps every page each commit wrote; then reads the page
// number of every frame in the log and names the b-tree that page belongs to at the end
// (SQLite's dbstat). Pages freed and reused by another b-tree during the run (an FTS5 merge's
// old segments) are counted under their last owner.

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

const csv = path.resolve(argument('csv') ?? '');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-import-pages-'));
const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: (error) => console.error(error), keySource: unencryptedForComparison() });
core.sqlite.pragma('wal_autocheckpoint = 0');
try {
  const fileName = path.basename(csv);
  const { uploadId } = await core.files.stage(fs.createReadStream(csv), fileName, 'import');
  const preview = await core.exchange.previewUpload({ uploadId, onDuplicate: 'skip', decisions: {}, fileName });
  // The preview's reads wrote nothing; the log from here on is the run's.
  const logBefore = fs.existsSync(`${core.sqlite.name}-wal`) ? fs.statSync(`${core.sqlite.name}-wal`).size : 0;
  const started = performance.now();
  const { jobId } = core.exchange.startImport({ uploadId, onDuplicate: 'skip', decisions: {}, fileName, mapping: preview.mapping });
  const settled = await core.exchange.jobs.settled(jobId, 5);
  if (settled.state !== 'done') throw new Error(`The import ended ${settled.state}`);
  const wallMs = performance.now() - started;

  const pageSize = core.sqlite.pragma('page_size', { simple: true }) as number;
  // The log passes 2 GB at 100k: each frame's header is read alone.
  const log = fs.openSync(`${core.sqlite.name}-wal`, 'r');
  const logSize = fs.fstatSync(log).size;
  const frameSize = pageSize + 24;
  const header = Buffer.alloc(8);
  const framesPerPage = new Map<number, number>();
  let frames = 0;
  let commits = 0;
  for (let at = 32; at + frameSize <= logSize; at += frameSize) {
    if (at < logBefore) continue;
    fs.readSync(log, header, 0, 8, at);
    const page = header.readUInt32BE(0);
    // A frame whose second word is non-zero ends a transaction (the file's size in pages).
    if (header.readUInt32BE(4) !== 0) commits += 1;
    framesPerPage.set(page, (framesPerPage.get(page) ?? 0) + 1);
    frames += 1;
  }
  fs.closeSync(log);
  const owners = new Map<number, string>();
  for (const { name, pageno } of core.sqlite.prepare('SELECT name, pageno FROM dbstat').all() as { name: string; pageno: number }[]) owners.set(pageno, name);
  const byBtree = new Map<string, { frames: number; pages: number }>();
  for (const [page, count] of framesPerPage) {
    const name = owners.get(page) ?? '(free or overflow)';
    const entry = byBtree.get(name) ?? { frames: 0, pages: 0 };
    entry.frames += count;
    entry.pages += 1;
    byBtree.set(name, entry);
  }
  const databasePages = core.sqlite.pragma('page_count', { simple: true }) as number;
  console.log(`${path.basename(csv)}: ${frames} frames in ${commits} commits (chunks of ${importChunkRows} rows), ${databasePages} pages in the file, run ${(wallMs / 1000).toFixed(1)} s wall`);
  console.log('b-tree | frames written | its pages at the end | frames a page');
  for (const [name, { frames: written, pages }] of [...byBtree].sort((a, b) => b[1].frames - a[1].frames).slice(0, 30)) {
    console.log(`${name} | ${written} | ${pages} | ${(written / pages).toFixed(1)}`);
  }
} finally {
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
