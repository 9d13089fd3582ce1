import fs from 'node:fs';
import path from 'node:path';
import { openRelayDatabase } from '../../src-relay/db/open';
import { createRelay } from '../../src-relay/server';
import { createCore, type Core } from '../../src-main/core/create-core';
import { snapshotRowToChanges } from '../../src-main/sync/snapshot-load';
import { openSnapshotRows, sealChanges } from '../../src-main/sync/keys/sealed-changes';
import { syncedTables } from '../../src-main/writes/synced-tables';
import { call, type BenchContext } from '../lib/context';
import { finish, latency, type Figure } from '../lib/figures';
import { retryingFetch, seedSnapshot } from '../lib/seed-snapshot';
import { nowMs, summarise } from '../lib/stats';

// A new laptop joining a workspace that holds the whole data set: every row of it (contacts,
// their lists and tags, notes, calls, follow-ups) in the relay's snapshot. The relay's snapshot
// table is filled directly from the data set's change log, folded by the shared merge rule as the
// relay folds every push (pushing 1.4M changes through HTTP takes ~8 minutes on PGlite). Then:
// - the laptop's `sync.join` + first sync, which loads the snapshot as given (snapshot-load.ts);
// - beside it, the ordinary merge of the same snapshot pages (each row as change records through
//   engine.applyRemoteChanges: what every bootstrap did before), on another fresh laptop.
// Both fetch the same pages from the same relay; they run one after the other, in alternating
// order when there are several rounds. Peak RSS is the bench process's (the relay, on PGlite, runs
// in it too), sampled every 50 ms.

const pageSize = 2000;

export async function bootstrapSuite(context: BenchContext, workDir: string): Promise<Figure[]> {
  const relayDir = path.join(workDir, 'bootstrap-relay');
  fs.rmSync(relayDir, { recursive: true, force: true });
  const database = await openRelayDatabase({ dataDir: relayDir });
  const relay = await createRelay({ database, port: 0, logger: () => {}, rateLimit: { perSecond: 1e6, burst: 1e6 } });
  const cores: Core[] = [];
  const newCore = (name: string) => {
    const dataDir = path.join(workDir, `bootstrap-${name}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const core = createCore({ dataDir, shell: 'test', logError: (error) => console.error(error), autoSync: false, now: context.now, fetch: retryingFetch });
    cores.push(core);
    return core;
  };
  try {
    const seeder = newCore('seeder');
    await call(seeder, 'sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Bench bootstrap', memberName: 'Ann' });
    // Creating the workspace starts the seeder's sync, which would bootstrap it from the snapshot
    // seeded below (its cursor stays 0 while the relay holds no change): with the seeder holding a
    // row, its next cycle merged the whole snapshot into it, in this process, while the first
    // laptop measured was loading: at 10k the seeder merged all 140,179 of the snapshot's changes
    // during the load, whose CPU went from 45 to 99 s (bench/bootstrap-trace.ts, SEEDER_SYNCS=1);
    // at 100k that merge is the baseline's own work (~417 s). Only the laptops measured sync here.
    seeder.sync.stop();
    const seedStart = nowMs();
    const seeded = await seedSnapshot(context.bareDb, database, seeder.sync.config!.workspaceId);
    // One change pushed the ordinary way, so the snapshot has a cursor to pull from (pushed by
    // hand: the seeder's own sync would first merge the whole snapshot into its database).
    await call(seeder, 'contacts.create', { draft: { name: 'Pushed after the snapshot' }, allowDuplicate: true });
    const outbox = sealChanges(seeder.sync.keys.sealingKeys(), seeder.engine.outbox(100).map(({ change }) => change));
    seeder.engine.markPushed((await seeder.sync.client().push(outbox)).acknowledged);
    context.log(`    bootstrap: ${seeded.rows.toLocaleString('en-GB')} rows (${seeded.fields.toLocaleString('en-GB')} fields) in the relay's snapshot, seeded in ${((nowMs() - seedStart) / 1000).toFixed(1)} s`);

    const rounds = context.quick ? 2 : 1;
    const loaded: number[] = [];
    const merged: number[] = [];
    const peaks = { loaded: 0, merged: 0 };
    /** Time the merging laptop spent waiting for snapshot pages: the relay's share, the same for both. */
    let fetchMs = 0;
    let check: { same: boolean; contacts: number; differing: string[] } = { same: true, contacts: 0, differing: [] };
    for (let round = 0; round < rounds; round += 1) {
      const runLoaded = async () => {
        const { inviteCode } = (await call(seeder, 'sync.invite', {})) as { inviteCode: string };
        const laptop = newCore(`loaded-${round}`);
        const { ms, peakRss } = await measured(() => call(laptop, 'sync.join', { relayUrl: relay.url, inviteCode, memberName: 'New' }));
        loaded.push(ms);
        peaks.loaded = Math.max(peaks.loaded, peakRss);
        return laptop;
      };
      const runMerged = async () => {
        const client = seeder.sync.client();
        const laptop = newCore(`merged-${round}`);
        const { ms, peakRss } = await measured(async () => {
          let after: string | null = null;
          do {
            const fetchStart = nowMs();
            const page = await client.snapshot(after, pageSize);
            fetchMs += nowMs() - fetchStart;
            // Opened with the workspace's keys as a laptop's sync opens them: the change pushed after
            // the seeding is sealed, and merged sealed it stored its ciphertext (a 68-character
            // `kind`) where the loaded laptop stored the value.
            const { opened } = openSnapshotRows(seeder.sync.keys.keyOf, page.rows);
            laptop.engine.applyRemoteChanges(opened.flatMap((row) => snapshotRowToChanges(row)));
            after = page.nextPageAfter;
          } while (after !== null);
        });
        merged.push(ms);
        peaks.merged = Math.max(peaks.merged, peakRss);
        return laptop;
      };
      const first = round % 2 === 0 ? await runLoaded() : await runMerged();
      const second = round % 2 === 0 ? await runMerged() : await runLoaded();
      check = compare(first, second);
      for (const core of [first, second]) {
        core.close();
        cores.splice(cores.indexOf(core), 1);
      }
    }
    const value = latency(summarise(loaded));
    const base = latency(summarise(merged));
    const seconds = Math.min(...loaded) / 1000;
    return [
      finish({
        id: 'sync.bootstrap-full',
        title: `New laptop bootstrap of the whole data set (${seeded.rows.toLocaleString('en-GB')} rows: contacts with their lists and tags, notes, calls, follow-ups): sync.join + first sync, PGlite relay, pages of ${pageSize}`,
        status: 'measured',
        value,
        baseline: { title: 'the ordinary merge of the same snapshot pages (engine.applyRemoteChanges of each row as change records), same relay, fresh laptop', value: base },
        ratio: { statistic: 'p50', value: value.kind === 'latency' && base.kind === 'latency' ? value.distribution.p50 / base.distribution.p50 : Number.NaN },
        target: 'a new device bootstraps 100k contacts in under 10 s',
        checks: [
          { text: `< 10 s (${seconds.toFixed(1)} s)`, pass: seconds < 10 },
          { text: `both laptops hold the same rows in every synced table${check.differing.length > 0 ? ` (not: ${check.differing.join('; ')})` : ''}`, pass: check.same },
        ],
        note: `of which fetching the snapshot pages from the relay: ${(fetchMs / rounds / 1000).toFixed(1)} s (measured on the merging laptop; the same pages for both); peak RSS of the bench process (relay included): ${peaks.loaded.toFixed(0)} MB while loading, ${peaks.merged.toFixed(0)} MB while merging; ${check.contacts.toLocaleString('en-GB')} contacts on the new laptop`,
        details: { fetchMsPerRun: fetchMs / rounds, rows: seeded.rows, fields: seeded.fields, loadedMs: loaded, mergedMs: merged, peakRssMb: peaks, contacts: check.contacts },
      }),
    ];
  } finally {
    for (const core of cores) core.close();
    await relay.close();
    await database.close();
    fs.rmSync(relayDir, { recursive: true, force: true });
  }
}

async function measured<T>(work: () => Promise<T>): Promise<{ ms: number; peakRss: number }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const start = nowMs();
  try {
    await work();
    return { ms: nowMs() - start, peakRss: Math.max(peak, process.memoryUsage().rss) / 1024 ** 2 };
  } finally {
    clearInterval(timer);
  }
}

/** Same number of rows in every synced table, their clocks and change log. */
/** Row counts of the loaded laptop (a) against the merged one (b); `differing` names each table that differs, with both counts. */
function compare(a: Core, b: Core): { same: boolean; contacts: number; differing: string[] } {
  const count = (core: Core, table: string) => (core.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const tables = [...Object.keys(syncedTables), 'clocks', 'changes'];
  const differing = tables.flatMap((table) => {
    const [loaded, merged] = [count(a, table), count(b, table)];
    return loaded === merged ? [] : [`${table} ${loaded} loaded, ${merged} merged`];
  });
  return { same: differing.length === 0, contacts: count(a, 'contacts'), differing };
}
