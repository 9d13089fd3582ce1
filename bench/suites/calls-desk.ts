import type Database from 'better-sqlite3-multiple-ciphers';
import { openBenchDatabase } from '../lib/data-file';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { createCore, type Core } from '../../src-main/core/create-core';
import { call } from '../lib/context';
import { p95Figure, type Figure } from '../lib/figures';
import { measurePairs, nowMs } from '../lib/stats';
import { Random } from '../generator/random';

// The calls desk on a million calls, in a data folder of its own: (a) a page of the calls list
// with three filters (a date range, the direction, the outcome) and a sort, as the calls screen
// asks for it, beside the same page and count run raw; (b) the triage queue's next call (the
// queue read again after the call on screen got its outcome, and the call loaded) beside the raw
// query for the oldest call without an outcome. The calls are written with plain INSERTs (a read
// benchmark: the change log is not what is measured).

const dayMs = 24 * 60 * 60 * 1000;
const outcomes = ['booked', 'quote needed', 'call back', 'no answer', 'wrong number', 'spam'];

export interface CallsDeskOptions {
  quick: boolean;
  log: (line: string) => void;
  /** Calls to generate; 1,000,000 unless quick. */
  calls?: number;
}

export async function callsDeskSuite(options: CallsDeskOptions, workDir: string): Promise<Figure[]> {
  const dataDir = path.join(workDir, 'calls-desk');
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const callCount = options.calls ?? (options.quick ? 100_000 : 1_000_000);
  const endAt = Date.UTC(2026, 11, 5, 12);
  let core: Core | undefined;
  let bare: Database.Database | undefined;
  try {
    // The core creates the database (its migrations and indexes); the calls go in beside it.
    createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} }).close();
    const started = nowMs();
    const untriaged = fillCalls(path.join(dataDir, 'fieldbook.db'), callCount, endAt);
    options.log(`  calls desk: ${callCount} calls (${untriaged} without an outcome) written in ${((nowMs() - started) / 1000).toFixed(1)} s`);
    core = createCore({ dataDir, shell: 'test', autoSync: false, logError: (error) => console.error(error), now: () => endAt });
    bare = openBenchDatabase(dataDir);
    return [await listPage(options, core, bare, endAt), await triageNext(options, core, bare)];
  } finally {
    core?.close();
    bare?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Two years of calls from 40k contacts and 200k numbers; one in 200 still without an outcome, a twentieth of those emergencies. */
export function fillCalls(file: string, count: number, endAt: number): number {
  const db = openBenchDatabase(path.dirname(file));
  // A large cache and the calls in time order, as they would have arrived: the indexes grow at their end.
  db.pragma('cache_size = -262144');
  const source = new Random(7);
  const random = () => source.next();
  const startTimes = Array.from({ length: count }, () => endAt - Math.floor(random() * 730 * dayMs)).sort((a, b) => a - b);
  const contactIds: string[] = [];
  const insertContact = db.prepare("INSERT INTO contacts (id, name, created_at, updated_at, cl) VALUES (?, ?, ?, ?, 1)");
  const insertCall = db.prepare(
    `INSERT INTO calls (id, contact_id, direction, number, started_at, duration_seconds, status, disposition, notes, provider, provider_id, spam, emergency, logged_by, created_at, cl)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, 0, ?, 'Bench', ?, 1)`,
  );
  let untriaged = 0;
  db.transaction(() => {
    for (let index = 0; index < 40_000; index += 1) {
      const id = uuidv7();
      contactIds.push(id);
      insertContact.run(id, `Customer ${index}`, endAt, endAt);
    }
    for (let index = 0; index < count; index += 1) {
      const startedAt = startTimes[index]!;
      const waiting = random() < 0.005;
      if (waiting) untriaged += 1;
      const disposition = waiting ? '' : outcomes[Math.floor(random() * outcomes.length)]!;
      const numberIndex = Math.floor(random() * 200_000);
      const contactId = numberIndex < 40_000 ? contactIds[numberIndex]! : null;
      const twilio = random() < 0.6;
      const id = uuidv7();
      insertCall.run(
        id,
        contactId,
        random() < 0.7 ? 'inbound' : 'outbound',
        `+4420${String(70_000_000 + numberIndex)}`,
        startedAt,
        disposition === 'no answer' ? 0 : Math.floor(random() * 900),
        disposition === 'no answer' ? 'no-answer' : 'completed',
        disposition,
        twilio ? 'twilio' : 'manual',
        twilio ? `CA${id}` : null,
        waiting && random() < 0.05 ? 1 : 0,
        startedAt,
      );
    }
  })();
  // What the core keeps beside each call it writes (src-main/calls/call-flags.ts): triage sorts by urgent.
  db.exec('UPDATE calls SET urgent = emergency WHERE emergency = 1');
  db.exec('ANALYZE');
  db.close();
  return untriaged;
}

async function listPage(options: CallsDeskOptions, core: Core, bare: Database.Database, endAt: number): Promise<Figure> {
  // Three filters (a date range, the direction, the outcome) and a sort, varied as a dispatcher clicks.
  const cases = [
    { from: endAt - 90 * dayMs, direction: 'inbound' as const, disposition: 'call back', field: 'durationSeconds' as const, order: 'desc' as const },
    { from: endAt - 30 * dayMs, direction: 'inbound' as const, disposition: 'booked', field: 'startedAt' as const, order: 'desc' as const },
    { from: endAt - 365 * dayMs, direction: 'outbound' as const, disposition: 'quote needed', field: 'startedAt' as const, order: 'asc' as const },
    { from: endAt - 7 * dayMs, direction: 'inbound' as const, disposition: 'no answer', field: 'disposition' as const, order: 'asc' as const },
    { from: endAt - 180 * dayMs, direction: 'outbound' as const, disposition: 'wrong number', field: 'durationSeconds' as const, order: 'asc' as const },
  ];
  const bareOrder = { startedAt: 'started_at', durationSeconds: 'duration_seconds', disposition: 'disposition' };
  const { subject, baseline } = await measurePairs({
    cases,
    warmupRounds: 1,
    rounds: options.quick ? 10 : 40,
    subject: (testCase) =>
      call(core, 'calls.list', {
        from: testCase.from,
        to: endAt,
        direction: testCase.direction,
        disposition: testCase.disposition,
        sort: { field: testCase.field, direction: testCase.order },
        limit: 50,
      }),
    baseline: (testCase) => {
      const where = 'cl % 2 = 1 AND started_at >= ? AND started_at < ? AND direction = ? AND disposition = ?';
      const params = [testCase.from, endAt, testCase.direction, testCase.disposition];
      const rows = bare.prepare(`SELECT * FROM calls WHERE ${where} ORDER BY ${bareOrder[testCase.field]} ${testCase.order}, id LIMIT 50`).all(...params);
      const total = (bare.prepare(`SELECT COUNT(*) AS n FROM calls WHERE ${where}`).get(...params) as { n: number }).n;
      return { rows, total };
    },
    check: (_, subjectResult, baselineResult) => {
      const core = subjectResult as { total: number };
      const raw = baselineResult as { total: number };
      if (core.total !== raw.total) throw new Error(`calls.list counted ${core.total}, the raw query ${raw.total}`);
    },
  });
  return p95Figure({
    id: 'callsDesk.listPage',
    title: 'A page of the calls list at 1M calls: date range + direction + outcome, sorted (core: calls.list, with its total)',
    samples: subject,
    baseline: { title: 'the same page and count, raw SQL without the contact join', samples: baseline },
    target: 'a page of a list: p95 under 5 ms (the contacts list’s target)',
    limitMs: 5,
  });
}

async function triageNext(options: CallsDeskOptions, core: Core, bare: Database.Database): Promise<Figure> {
  const rounds = options.quick ? 100 : 300;
  const nextRaw = bare.prepare("SELECT * FROM calls WHERE cl % 2 = 1 AND disposition = '' AND spam = 0 ORDER BY emergency DESC, started_at LIMIT 1");
  const subject: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const first = nowMs();
    const queue = (await call(core, 'calls.triageQueue', { order: 'urgency', limit: 50 })) as { items: { id: string }[] };
    const next = queue.items[0];
    if (!next) throw new Error('The triage queue ran dry');
    await call(core, 'calls.get', { id: next.id });
    const coreMs = nowMs() - first;
    const second = nowMs();
    const raw = nextRaw.get() as { id: string };
    const rawMs = nowMs() - second;
    if (raw.id !== next.id) throw new Error(`The raw query's next call ${raw.id} is not the queue's ${next.id}`);
    if (round > 0) {
      subject.push(coreMs);
      baseline.push(rawMs);
    }
    // The dispatcher gives it an outcome (not timed), and the desk asks for the next one.
    await call(core, 'calls.update', { id: next.id, patch: { disposition: outcomes[round % outcomes.length] } });
  }
  return p95Figure({
    id: 'callsDesk.triageNext',
    title: 'The triage queue’s next call at 1M calls (core: calls.triageQueue by urgency + calls.get)',
    samples: subject,
    baseline: { title: 'the oldest call without an outcome, emergencies first, one raw query', samples: baseline },
    target: 'moving to the next call feels instant: p95 under 5 ms',
    limitMs: 5,
  });
}

// `npx tsx bench/suites/calls-desk.ts [--quick]`: this suite alone, without the contacts data set.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-calls-desk-'));
  callsDeskSuite({ quick, log: console.log }, workDir)
    .then((figures) => {
      for (const figure of figures) {
        const value = figure.value?.kind === 'latency' ? figure.value.distribution : undefined;
        const base = figure.baseline?.value.kind === 'latency' ? figure.baseline.value.distribution : undefined;
        console.log(`${figure.title}\n  core p50 ${value?.p50.toFixed(3)} ms, p95 ${value?.p95.toFixed(3)} ms; raw p50 ${base?.p50.toFixed(3)} ms, p95 ${base?.p95.toFixed(3)} ms; ratio ${figure.ratio?.value.toFixed(2)}x at p95; ${figure.pass ? 'meets' : 'misses'} ${figure.target}`);
      }
      console.log(`load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
    })
    .finally(() => fs.rmSync(workDir, { recursive: true, force: true }));
}
