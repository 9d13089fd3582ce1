import type { BulkActionStatus } from '../../src-shared/domain/bulk';
import { call, rounds, type BenchContext } from '../lib/context';
import { p95Figure, type Figure } from '../lib/figures';
import { nowMs } from '../lib/stats';

// A bulk action on 20,000 contacts (a fifth of the set at the quick scale): tag them through the
// core (bulk.start, in batches of one transaction each, through the mutation engine, with the
// change log, the search index and the undo record) and take it back (bulk.undo), beside bare SQL
// writing the same tag rows (an upsert of each, then setting each to not present) in one
// transaction. Paired and interleaved: core, bare, core, bare…

/** Waits until a bulk action (or its undo) has ended. */
export async function untilFinished(context: BenchContext, status: BulkActionStatus): Promise<BulkActionStatus> {
  while (status.state === 'running' || status.state === 'undoing') {
    await new Promise((resolve) => setTimeout(resolve, 5));
    status = (await call(context.core, 'bulk.status', { id: status.id })) as BulkActionStatus;
  }
  return status;
}

export async function bulkSuite(context: BenchContext): Promise<Figure[]> {
  const { core, bareDb } = context;
  const size = Math.min(20_000, Math.floor(context.summary.contacts / 5));
  const ids = bareDb.prepare('SELECT id FROM contacts WHERE cl % 2 = 1 ORDER BY name COLLATE NOCASE, id LIMIT ?').pluck().all(size) as string[];
  const bareTag = 'bench-bulk-bare';
  const upsert = bareDb.prepare(
    `INSERT INTO contact_tags (id, contact_id, tag, present) VALUES (?, ?, ?, 1)
     ON CONFLICT(id) DO UPDATE SET tag = excluded.tag, present = 1`,
  );
  const unset = bareDb.prepare('UPDATE contact_tags SET present = 0 WHERE id = ?');
  const bareApply = bareDb.transaction(() => {
    for (const id of ids) upsert.run(`${id}:${bareTag}`, id, bareTag);
  });
  const bareUndo = bareDb.transaction(() => {
    for (const id of ids) unset.run(`${id}:${bareTag}`);
  });

  const samples = { apply: [] as number[], undo: [] as number[], bareApply: [] as number[], bareUndo: [] as number[] };
  const problems: string[] = [];
  const cpu = { core: 0, bare: 0 };
  for (let round = 0; round < rounds(context, 3, 2); round++) {
    let cpuStart = process.cpuUsage();
    let start = nowMs();
    const applied = await untilFinished(
      context,
      (await call(core, 'bulk.start', { list: 'contacts', request: {}, selection: { mode: 'ids', ids }, action: { type: 'addTag', tag: 'bench-bulk-core' } })) as BulkActionStatus,
    );
    samples.apply.push(nowMs() - start);
    start = nowMs();
    const undone = await untilFinished(context, (await call(core, 'bulk.undo', { id: applied.id })) as BulkActionStatus);
    samples.undo.push(nowMs() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.core += (used.user + used.system) / 1000;
    if (applied.changed !== size || undone.state !== 'undone') problems.push(`round ${round}: changed ${applied.changed}, undo ${undone.state}`);

    cpuStart = process.cpuUsage();
    start = nowMs();
    bareApply();
    samples.bareApply.push(nowMs() - start);
    start = nowMs();
    bareUndo();
    samples.bareUndo.push(nowMs() - start);
    const bareUsed = process.cpuUsage(cpuStart);
    cpu.bare += (bareUsed.user + bareUsed.system) / 1000;
  }
  const note = problems.length > 0 ? `the action did not do what it should: ${problems.join('; ')}` : undefined;
  const details = { contacts: size, rounds: samples.apply.length, cpuMsCore: Math.round(cpu.core), cpuMsBare: Math.round(cpu.bare) };
  return [
    p95Figure({
      id: 'bulk.tag',
      title: `Tag ${size.toLocaleString('en-GB')} contacts in one bulk action (core: bulk.start until done)`,
      samples: samples.apply,
      baseline: { title: 'bare SQL: an upsert of each tag row, one transaction, raw on better-sqlite3', samples: samples.bareApply },
      target: 'under 10 s for 20,000 contacts, with progress and cancel while it runs',
      limitMs: 10_000,
      ...(note ? { note } : {}),
      details,
    }),
    p95Figure({
      id: 'bulk.undo',
      title: `Undo that bulk action (core: bulk.undo until undone)`,
      samples: samples.undo,
      baseline: { title: 'bare SQL: setting each tag row to not present, one transaction, raw', samples: samples.bareUndo },
      target: 'under 10 s for 20,000 contacts',
      limitMs: 10_000,
      ...(note ? { note } : {}),
    }),
  ];
}
