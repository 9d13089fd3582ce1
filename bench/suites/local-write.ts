import { contactStatuses } from '../../src-shared/domain/contact';
import { Random } from '../generator/random';
import { call, rounds, type BenchContext } from '../lib/context';
import { finish, latency, latencyRatio, type Figure } from '../lib/figures';
import { checkpointsHandedOver, turnOfTheEventLoop } from '../lib/event-loop';
import { measurePairs, summarise } from '../lib/stats';

// A local write with its log: `contacts.update` of one field (status) through the core, which
// in one transaction changes the row, advances the field's clock, appends a change record and
// re-indexes the contact for search. Beside it: the same UPDATE of the row alone, autocommit.

export async function localWriteSuite(context: BenchContext): Promise<Figure[]> {
  await checkpointsHandedOver(context.core.sqlite);
  const pending = () => (context.bareDb.prepare('SELECT COUNT(*) AS n FROM changes WHERE local = 1 AND pushed = 0').get() as { n: number }).n;
  const unpushed = pending();
  // Fewer samples while the outbox is full: each write then costs what the outbox costs.
  const asGenerated = await measureWrites(context, 'as-generated', 0, context.quick ? 60 : 80);
  // The same laptop after a sync has emptied its outbox (as the sync engine's markPushed would).
  context.bareDb.prepare('UPDATE changes SET pushed = 1 WHERE local = 1 AND pushed = 0').run();
  const synced = await measureWrites(context, 'synced', 1, context.quick ? 150 : 400);
  return [
    figure(
      'write.local',
      `Local write with its log (core: contacts.update of one field), outbox of ${unpushed.toLocaleString('en-GB')} unpushed changes (never synced)`,
      asGenerated,
    ),
    figure('write.local.synced', 'Local write with its log, same, after a sync emptied the outbox', synced),
  ];
}

async function measureWrites(context: BenchContext, label: string, offset: number, contacts: number) {
  const { core, bareDb } = context;
  const random = new Random(`${context.seed}:writes:${label}`);
  const all = bareDb.prepare('SELECT id, status FROM contacts WHERE cl % 2 = 1').all() as { id: string; status: string }[];
  const picked = Array.from({ length: Math.min(all.length, contacts) }, (_, index) => all[(index * 7 + offset) % all.length] ?? random.pick(all));
  const status = new Map(picked.map((row) => [row.id, row.status]));
  const nextStatus = (id: string) => {
    const current = status.get(id);
    const next = contactStatuses[(contactStatuses.indexOf(current as (typeof contactStatuses)[number]) + 1) % contactStatuses.length]!;
    status.set(id, next);
    return next;
  };
  const rawUpdate = bareDb.prepare('UPDATE contacts SET status = ?, updated_at = ? WHERE id = ?');
  const changesBefore = countChanges(context);
  const measuredRounds = rounds(context, 2, 2);
  const samples = await measurePairs({
    cases: picked.map((row) => row.id),
    warmupRounds: 1,
    rounds: measuredRounds,
    subject: (id) => call(core, 'contacts.update', { id, patch: { status: nextStatus(id) } }),
    baseline: (id) => rawUpdate.run(nextStatus(id), context.now(), id),
    // Each edit reaches the app as its own request: what a commit sets off (linking calls to the
    // contact's numbers, the worker's checkpoint messages) runs between two edits, not inside one.
    between: turnOfTheEventLoop,
  });
  return { ...samples, logged: countChanges(context) - changesBefore, expected: picked.length * (measuredRounds + 1) };
}

function figure(id: string, title: string, samples: { subject: number[]; baseline: number[]; logged: number; expected: number }): Figure {
  const value = latency(summarise(samples.subject));
  const base = latency(summarise(samples.baseline));
  const p99 = summarise(samples.subject).p99;
  return finish({
    id,
    title,
    status: 'measured',
    value,
    baseline: { title: 'the same UPDATE of the row alone, autocommit, raw', value: base },
    ratio: latencyRatio(value, base, 'p99'),
    target: 'local write with its log p99 < 5 ms',
    checks: [{ text: 'p99 < 5 ms', pass: p99 < 5 }],
    ...(samples.logged !== samples.expected
      ? { note: `expected ${samples.expected} change records, found ${samples.logged}: some updates were not logged` }
      : {}),
    details: {
      updates: samples.subject.length,
      changeRecordsWritten: samples.logged,
      sqlite: "synchronous = NORMAL in WAL mode (the core's setting): a commit does not wait for fsync",
    },
  });
}

function countChanges(context: BenchContext): number {
  return (context.bareDb.prepare('SELECT COUNT(*) AS n FROM changes').get() as { n: number }).n;
}
