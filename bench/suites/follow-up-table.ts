import type { BulkActionStatus } from '../../src-shared/domain/bulk';
import { untilFinished } from './bulk';
import type { FollowUpSortField } from '../../src-shared/domain/follow-up';
import { call, rounds, sameIds, type BenchContext } from '../lib/context';
import { p95Figure, type Figure } from '../lib/figures';
import { measurePairs, nowMs } from '../lib/stats';

// The follow-ups as a table: (a) a page of the upcoming follow-ups sorted by a column other than
// the due time (title, then the person it is for), as FollowUpTable asks for it, beside the same
// page and count run raw; (b) marking up to 20,000 open follow-ups done in one bulk action and
// taking it back, beside bare SQL setting and clearing done_at in one transaction. Paired and
// interleaved.

const pageSize = 100;

export async function followUpTableSuite(context: BenchContext): Promise<Figure[]> {
  return [await sortedPage(context), await markDone(context)];
}

async function sortedPage(context: BenchContext): Promise<Figure> {
  const { core, bareDb } = context;
  const fields: FollowUpSortField[] = ['title', 'assignee'];
  const order: Record<string, string> = { title: 'f.title COLLATE NOCASE', assignee: 'f.assignee COLLATE NOCASE' };
  const where = `f.cl % 2 = 1 AND c.cl % 2 = 1 AND f.done_at IS NULL AND f.due_at > ?`;
  const from = 'FROM follow_ups f JOIN contacts c ON c.id = f.contact_id';
  const bareRows = Object.fromEntries(
    fields.map((field) => [field, bareDb.prepare(`SELECT f.*, c.name AS contact_name ${from} WHERE ${where} ORDER BY ${order[field]} ASC, f.id ASC LIMIT ${pageSize}`)]),
  );
  const bareCount = bareDb.prepare(`SELECT COUNT(*) ${from} WHERE ${where}`).pluck();
  const after = () => Math.max(context.endOfToday, context.now());
  const { subject, baseline } = await measurePairs({
    cases: fields,
    warmupRounds: 2,
    rounds: rounds(context, 20, 8),
    subject: (field) => call(core, 'followups.list', { view: 'upcoming', scope: 'team', endOfToday: context.endOfToday, sort: { field, direction: 'asc' }, limit: pageSize }),
    baseline: (field) => {
      const rows = bareRows[field]!.all(after()) as { id: string }[];
      bareCount.get(after());
      return rows;
    },
    check: (field, page, rows) => {
      if (!sameIds(page, rows)) context.log(`  follow-up table: the ${field} page differs from the bare query's`);
    },
  });
  const total = bareCount.get(after()) as number;
  return p95Figure({
    id: 'followups.table.page',
    title: `A page of ${pageSize} upcoming follow-ups (of ${total.toLocaleString('en-GB')}) sorted by title or by whom it is for (core: followups.list)`,
    samples: subject,
    baseline: { title: 'bare SQL: the same page and count, raw on better-sqlite3', samples: baseline },
    target: 'a page under 100 ms, so the table scrolls and sorts without waiting',
    limitMs: 100,
    details: { upcoming: total },
  });
}

async function markDone(context: BenchContext): Promise<Figure> {
  const { core, bareDb } = context;
  const ids = bareDb.prepare('SELECT id FROM follow_ups WHERE cl % 2 = 1 AND done_at IS NULL ORDER BY due_at, id LIMIT 20000').pluck().all() as string[];
  const setDone = bareDb.prepare('UPDATE follow_ups SET done_at = ?, done_by = ? WHERE id = ?');
  const bareApply = bareDb.transaction((at: number) => ids.forEach((id) => setDone.run(at, 'bench', id)));
  const bareUndo = bareDb.transaction(() => ids.forEach((id) => setDone.run(null, '', id)));
  const samples = { core: [] as number[], bare: [] as number[] };
  const problems: string[] = [];
  for (let round = 0; round < rounds(context, 3, 2); round++) {
    let start = nowMs();
    const applied = await untilFinished(
      context,
      (await call(core, 'bulk.start', {
        list: 'followups',
        request: { view: 'overdue', scope: 'team', endOfToday: context.endOfToday },
        selection: { mode: 'ids', ids },
        action: { type: 'markDone' },
      })) as BulkActionStatus,
    );
    const undone = await untilFinished(context, (await call(core, 'bulk.undo', { id: applied.id })) as BulkActionStatus);
    samples.core.push(nowMs() - start);
    if (applied.changed !== ids.length || undone.state !== 'undone') problems.push(`round ${round}: changed ${applied.changed}, undo ${undone.state}`);
    start = nowMs();
    bareApply(Date.now());
    bareUndo();
    samples.bare.push(nowMs() - start);
  }
  return p95Figure({
    id: 'followups.bulk.done',
    title: `Mark ${ids.length.toLocaleString('en-GB')} follow-ups done in one bulk action and undo it (core: bulk.start, then bulk.undo, until each ends)`,
    samples: samples.core,
    baseline: { title: 'bare SQL: setting done_at on each and clearing it again, two transactions, raw', samples: samples.bare },
    target: 'under 20 s for 20,000 follow-ups there and back, with progress and cancel',
    limitMs: 20_000,
    ...(problems.length > 0 ? { note: `the action did not do what it should: ${problems.join('; ')}` } : {}),
    details: { followUps: ids.length },
  });
}
