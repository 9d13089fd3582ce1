import Database from 'better-sqlite3-multiple-ciphers';
import { encryptPlainDatabase } from '../../src-main/security/database-cipher';
import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../../src-main/core/create-core';
import { testKeySource, unencryptedForComparison } from '../../src-main/security/key-source';
import { copyDataFolder } from '../lib/cache';
import { call, sameIds, type BenchContext } from '../lib/context';
import { openBenchDatabase } from '../lib/data-file';
import { finish, latency, latencyRatio, rate, type Figure } from '../lib/figures';
import { buildQueryMix } from '../lib/query-mix';
import { checkpointsHandedOver, turnOfTheEventLoop } from '../lib/event-loop';
import { measurePairs, summarise } from '../lib/stats';
import { runCsvImport } from './exchange';

// What encrypting the database at rest costs: the same work on two copies of the data set in the
// same run, one encrypted as the app keeps it (ChaCha20-Poly1305 pages through SQLite3 Multiple
// Ciphers), one decrypted for the comparison, alternating case by case so load on the machine
// falls on both alike. Search, a page of the list, a write and a CSV import into a fresh folder.

const target = 'encryption at rest costs under 15% (search, page, write, import)';

export async function encryptionSuite(context: BenchContext, workDir: string): Promise<Figure[]> {
  // The working copy's WAL folded in, so the copies are whole.
  context.bareDb.pragma('wal_checkpoint(TRUNCATE)');
  const encryptedDir = path.join(workDir, 'encryption-on');
  const plainDir = path.join(workDir, 'encryption-off');
  copyDataFolder(context.dataDir, encryptedDir);
  copyDataFolder(context.dataDir, plainDir);
  decryptInPlace(plainDir);
  // Encrypted again as the app encrypts today (the cached set may carry an earlier scheme).
  decryptInPlace(encryptedDir);
  encryptPlainDatabase(path.join(encryptedDir, 'fieldbook.db'), testKeySource().unlock(encryptedDir).databaseKey!, (file) => new Database(file));
  const open = (dataDir: string, encrypted: boolean) =>
    createCore({ dataDir, shell: 'test', backgroundCheckpoints: true, keySource: encrypted ? testKeySource() : unencryptedForComparison(), autoSync: false, logError: (error) => console.error(error), now: context.now });
  const encrypted = open(encryptedDir, true);
  const plain = open(plainDir, false);
  try {
    // Both copies as the app runs them: checkpoints in the background worker, not inline.
    await checkpointsHandedOver(encrypted.sqlite);
    await checkpointsHandedOver(plain.sqlite);
    return [
      await searchFigure(context, encrypted, plain),
      await pageFigure(context, encrypted, plain),
      await writeFigure(context, encrypted, plain),
      await importFigure(context, workDir),
    ];
  } finally {
    encrypted.close();
    plain.close();
    fs.rmSync(encryptedDir, { recursive: true, force: true });
    fs.rmSync(plainDir, { recursive: true, force: true });
  }
}

/** The comparison copy without encryption (SQLite3 Multiple Ciphers decrypts on an empty rekey, outside WAL mode). */
function decryptInPlace(dataDir: string): void {
  const db = openBenchDatabase(dataDir);
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma("rekey = ''");
  } finally {
    db.close();
  }
  // Only the header: the 100k database is larger than a Buffer can hold.
  const head = Buffer.alloc(16);
  const file = fs.openSync(path.join(dataDir, 'fieldbook.db'), 'r');
  try {
    fs.readSync(file, head, 0, 16, 0);
  } finally {
    fs.closeSync(file);
  }
  if (head.toString('latin1') !== 'SQLite format 3\0') throw new Error('the comparison copy is still encrypted');
}

function latencyFigure(id: string, title: string, samples: { subject: number[]; baseline: number[] }, details: Record<string, unknown> = {}): Figure {
  const value = latency(summarise(samples.subject));
  const base = latency(summarise(samples.baseline));
  const ratio = latencyRatio(value, base, 'p50');
  return finish({
    id,
    title,
    status: 'measured',
    value,
    baseline: { title: 'the same calls on an unencrypted copy of the same data, alternating', value: base },
    ratio,
    target,
    checks: [{ text: 'p50 ≤ 1.15x unencrypted', pass: ratio.value <= 1.15 }],
    details: { p95Ratio: latencyRatio(value, base, 'p95').value, ...details },
  });
}

async function searchFigure(context: BenchContext, encrypted: Core, plain: Core): Promise<Figure> {
  const queries = buildQueryMix(context.bareDb, context.quick ? 150 : 300, context.seed + 1);
  const mismatches: string[] = [];
  const samples = await measurePairs({
    cases: queries,
    warmupRounds: 1,
    rounds: 2,
    subject: (query) => call(encrypted, 'contacts.list', { query: query.text }),
    baseline: (query) => call(plain, 'contacts.list', { query: query.text }),
    check: (query, subject, baseline) => {
      if (!sameIds(subject, (baseline as { items: unknown[] }).items)) mismatches.push(query.text);
    },
  });
  if (mismatches.length > 0) throw new Error(`the two copies answered differently for "${mismatches[0]}"`);
  return latencyFigure('encryption.search', 'Encryption cost: search as you type (contacts.list with the typed text), encrypted vs unencrypted', samples, { queries: queries.length });
}

async function pageFigure(context: BenchContext, encrypted: Core, plain: Core): Promise<Figure> {
  const pages = Math.floor(context.summary.counts.contacts / 100);
  const count = context.quick ? 100 : 200;
  // Pages spread over the whole list, so most are read from the file, not SQLite's page cache.
  const offsets = Array.from({ length: count }, (_, index) => ((index * 7919) % Math.max(pages, 1)) * 100);
  const samples = await measurePairs({
    cases: offsets,
    warmupRounds: 0,
    rounds: 1,
    subject: (offset) => call(encrypted, 'contacts.list', { query: '', offset, limit: 100 }),
    baseline: (offset) => call(plain, 'contacts.list', { query: '', offset, limit: 100 }),
  });
  return latencyFigure('encryption.page', 'Encryption cost: a page of 100 contacts anywhere in the list, encrypted vs unencrypted', samples, { pages: offsets.length });
}

async function writeFigure(context: BenchContext, encrypted: Core, plain: Core): Promise<Figure> {
  const count = context.quick ? 300 : 600;
  const drafts = Array.from({ length: count }, (_, index) => ({
    name: `Encryption Bench ${index}`,
    company: 'Cipher & Sons',
    phones: [{ type: 'mobile', number: `07700 9${String(index).padStart(5, '0')}` }],
    emails: [{ type: 'work', address: `bench${index}@example.test` }],
  }));
  const samples = await measurePairs({
    cases: drafts,
    warmupRounds: 0,
    rounds: 1,
    subject: (draft) => call(encrypted, 'contacts.create', { draft, allowDuplicate: true }),
    baseline: (draft) => call(plain, 'contacts.create', { draft, allowDuplicate: true }),
    // Each write is its own request in the app: what a commit sets off runs between two writes.
    between: turnOfTheEventLoop,
  });
  return latencyFigure('encryption.write', 'Encryption cost: a write (contacts.create with a phone and an e-mail, one transaction with its change log), encrypted vs unencrypted', samples, { writes: count });
}

async function importFigure(context: BenchContext, workDir: string): Promise<Figure> {
  const rows = context.quick ? 2_000 : 5_000;
  const file = path.join(workDir, 'encryption-import.csv');
  const lines = ['Name,Company,Phone,Email'];
  for (let index = 0; index < rows; index += 1) lines.push(`Imported Person ${index},Firm ${index % 97},07700 8${String(index).padStart(5, '0')},imported${index}@example.test`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const runs = context.quick ? 3 : 5;
  const encryptedMs: number[] = [];
  const plainMs: number[] = [];
  // One unmeasured import of each first (the first run pays for loading and compiling the import
  // code), then ABBA order so each side goes first as often.
  const order = [true, false, ...Array.from({ length: runs * 2 }, (_, run) => (run % 4 === 0 || run % 4 === 3))];
  for (const [run, encryptedRun] of order.entries()) {
    const dir = path.join(workDir, `encryption-import-${run}`);
    fs.rmSync(dir, { recursive: true, force: true });
    const target = createCore({ dataDir: dir, shell: 'test', keySource: encryptedRun ? testKeySource() : unencryptedForComparison(), autoSync: false, logError: (error) => console.error(error), now: context.now });
    try {
      const timings = await runCsvImport(target, file);
      if (run >= 2) (encryptedRun ? encryptedMs : plainMs).push(timings.stageMs + timings.previewMs + timings.runMs);
    } finally {
      target.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const median = (samples: number[]) => summarise(samples).p50;
  const value = rate(rows, rows * 4, median(encryptedMs) / 1000);
  const base = rate(rows, rows * 4, median(plainMs) / 1000);
  const ratio = median(encryptedMs) / median(plainMs);
  return finish({
    id: 'encryption.import',
    title: `Encryption cost: CSV import of ${rows.toLocaleString('en-GB')} contacts into a fresh data folder (stage + preview + run, median of ${runs} after one unmeasured), encrypted vs unencrypted`,
    status: 'measured',
    value,
    baseline: { title: 'the same import into an unencrypted fresh folder, alternating', value: base },
    ratio: { statistic: 'time (median)', value: ratio },
    target,
    checks: [{ text: 'time ≤ 1.15x unencrypted', pass: ratio <= 1.15 }],
    details: { encryptedMs, plainMs },
  });
}
