import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import { openBenchDatabase } from './lib/data-file';
import { openRelayDatabase } from '../src-relay/db/open';
import { rowState } from '../src-relay/db/schema';
import { withoutRefusedChanges } from '../src-relay/row-repair';
import { createRelay } from '../src-relay/server';
import { RelayClient } from '../src-main/sync/relay-client';
import { toChangeRecord, type ChangeRow } from '../src-main/writes/change-log';
import { emptyRowState, foldChange, type RowState } from '../src-shared/sync/merge';
import { readSnapshotPage, SnapshotResponseSchema } from '../src-shared/sync/protocol';

// Where a bootstrap snapshot page's time goes: a PGlite relay (in a temporary folder) is seeded
// with a data folder's change log folded into snapshot rows (as the relay folds pushes), then every
// page is fetched through the relay's HTTP route by RelayClient, timed whole, and each stage is
// timed apart on the same pages: the keyset query, the refused-changes check, the JSON encoding,
// and on the laptop's side the JSON parse and the schema check. Relay and client share this
// process, so each stage's CPU is its own `process.cpuUsage` difference.
// `tsx bench/snapshot-pages.ts <data folder> [page rows] [rounds]`

const [source, pageArg = '2000', roundsArg = '1'] = process.argv.slice(2);
if (!source) throw new Error('usage: tsx bench/snapshot-pages.ts <data folder> [page rows] [rounds]');
const pageRows = Number(pageArg);
const rounds = Number(roundsArg);

const relayDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbook-snapshot-pages-'));
const database = await openRelayDatabase({ dataDir: relayDir });
const relay = await createRelay({ database, port: 0, logger: () => {}, rateLimit: { perSecond: 1e6, burst: 1e6 } });
try {
  const created = await new RelayClient(relay.url).createWorkspace({ workspaceName: 'Pages', memberName: 'Ann', deviceName: 'Seeder' });
  const client = new RelayClient(relay.url, created.deviceToken);
  const workspaceId = created.workspaceId;

  const local = openBenchDatabase(source, { readonly: true });
  let batch: (typeof rowState.$inferInsert)[] = [];
  let current: { tableName: string; rowId: string; state: RowState } | undefined;
  let seeded = 0;
  const emit = () => {
    if (current) batch.push({ workspaceId, tableName: current.tableName, rowId: current.rowId, ...current.state });
  };
  const read = local.prepare(`SELECT * FROM changes ORDER BY table_name, row_id, seq`).iterate() as IterableIterator<ChangeRow>;
  for (const row of read) {
    const change = toChangeRecord(row);
    if (!current || current.tableName !== change.tableName || current.rowId !== change.rowId) {
      emit();
      if (batch.length >= 500) {
        seeded += batch.length;
        await database.db.insert(rowState).values(batch);
        batch = [];
      }
      current = { tableName: change.tableName, rowId: change.rowId, state: emptyRowState() };
    }
    current.state = foldChange(current.state, change);
  }
  emit();
  seeded += batch.length;
  if (batch.length > 0) await database.db.insert(rowState).values(batch);
  local.close();
  await database.db.execute(sql`ANALYZE row_state`);
  console.log(`${seeded} snapshot rows seeded; pages of ${pageRows}; load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`);

  const stages = new Map<string, { wallMs: number; cpuMs: number }>();
  const timed = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    const result = await work();
    const used = process.cpuUsage(cpu);
    const stage = stages.get(name) ?? { wallMs: 0, cpuMs: 0 };
    stage.wallMs += performance.now() - wall;
    stage.cpuMs += (used.user + used.system) / 1000;
    stages.set(name, stage);
    return result;
  };

  let bytes = 0;
  let pages = 0;
  for (let round = 0; round < rounds; round += 1) {
    // Whole: the route over HTTP as a laptop asks for it.
    let after: string | null = null;
    do {
      const page = await timed('whole page over HTTP (RelayClient.snapshot)', () => client.snapshot(after, pageRows));
      after = page.nextPageAfter;
    } while (after !== null);

    // Apart: each stage on the same pages.
    let start: { tableName: string; rowId: string } | undefined;
    for (;;) {
      const rows = await timed('relay: keyset query on row_state', () =>
        database.db
          .select()
          .from(rowState)
          .where(and(eq(rowState.workspaceId, workspaceId), start ? sql`(${rowState.tableName}, ${rowState.rowId}) > (${start.tableName}, ${start.rowId})` : undefined))
          .orderBy(asc(rowState.tableName), asc(rowState.rowId))
          .limit(pageRows + 1),
      );
      const page = rows.slice(0, pageRows);
      const served = await timed('relay: withoutRefusedChanges', () =>
        database.db.transaction((tx) => withoutRefusedChanges(tx, workspaceId, page.map(({ tableName, rowId, fields, clocks, authors }) => ({ tableName, rowId, fields, clocks, authors })))),
      );
      const body = { rows: served, cursor: 1, nextPageAfter: rows.length > pageRows ? 'x' : null };
      const text = await timed('relay: JSON.stringify', () => JSON.stringify(body));
      if (round === 0) {
        if (pages === 0 && process.env.SHOW_ROW) console.log(JSON.stringify(served.slice(0, 2)));
        bytes += Buffer.byteLength(text);
        pages += 1;
      }
      const json = await timed('client: JSON.parse', () => JSON.parse(text) as unknown);
      await timed('client: SnapshotResponseSchema.safeParse', () => SnapshotResponseSchema.safeParse(json));
      if (process.env.FAST_READ !== '0') await timed('client: readSnapshotPage', () => readSnapshotPage(json));
      const last = page[page.length - 1];
      if (rows.length <= pageRows || !last) break;
      start = { tableName: last.tableName, rowId: last.rowId };
    }
  }
  console.log(`${pages} pages, ${(bytes / 1024 ** 2).toFixed(1)} MB of JSON (${(bytes / seeded).toFixed(0)} bytes a row); ${rounds} round(s), totals:`);
  for (const [name, { wallMs, cpuMs }] of stages) {
    console.log(`  ${name}: ${(wallMs / 1000 / rounds).toFixed(2)} s wall, ${(cpuMs / 1000 / rounds).toFixed(2)} s CPU a round; ${(wallMs / rounds / pages).toFixed(1)} ms a page`);
  }
  const explained = await database.db.execute(
    sql`EXPLAIN ANALYZE SELECT * FROM row_state WHERE workspace_id = ${workspaceId} AND (table_name, row_id) > ('contacts', '') ORDER BY table_name, row_id LIMIT ${pageRows + 1}`,
  );
  console.log((explained as unknown as { rows: { 'QUERY PLAN': string }[] }).rows.map((row) => `  ${row['QUERY PLAN']}`).join('\n'));
  console.log(`load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`);
} finally {
  await relay.close();
  await database.close();
  fs.rmSync(relayDir, { recursive: true, force: true });
}
