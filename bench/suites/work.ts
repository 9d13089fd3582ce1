import type Database from 'better-sqlite3-multiple-ciphers';
import type { Core } from '../../src-main/core/create-core';
import { call, rounds, type BenchContext } from '../lib/context';
import { finish, latency, latencyRatio, type Figure } from '../lib/figures';
import { measurePairs, summarise } from '../lib/stats';

// Working a contact and the pipeline: a page of a contact's timeline, and a
// pipeline board and its funnel on 50k deals, each beside bare SQL on the same data.
// The deals are written here through the core's real write path, into the run's working copy.

const dayMs = 24 * 60 * 60 * 1000;

/**
 * A pipeline of `count` deals written through the core's real write path, spread deterministically
 * across its stages (some moved several times), as the work suite and bench/pipeline-cpu.ts use it.
 */
export function seedBenchDeals(core: Core, bareDb: Database.Database, count: number, now: number) {
  const pipeline = core.pipelines.createFromTemplate('prospects', 'Bench prospects');
  const contactIds = bareDb.prepare('SELECT id FROM contacts WHERE cl % 2 = 1 LIMIT ?').pluck().all(count) as string[];
  const stages = pipeline.stages;
  for (let start = 0; start < count; start += 1000) {
    core.engine.transaction(() => {
      for (let index = start; index < Math.min(count, start + 1000); index += 1) {
        const deal = core.pipelines.createDeal({
          contactId: contactIds[index % contactIds.length]!,
          pipelineId: pipeline.id,
          title: `Job ${index}`,
          valueMinor: 50_000 + ((index * 7919) % 500_000),
          probabilityBp: null,
          expectedCloseAt: now + (index % 120) * dayMs,
          source: '',
        });
        const target = stages[(index * 31) % stages.length]!;
        if (target.id !== deal.stageId) core.pipelines.moveDeal(deal.id, target.id);
      }
    });
  }
  return { pipeline, stages };
}

export async function workSuite(context: BenchContext): Promise<Figure[]> {
  const { core, bareDb } = context;
  const measured = rounds(context, 30, 10);

  // The contacts with the longest histories: the slowest timelines a person can open.
  const busiest = bareDb
    .prepare(
      `SELECT contact_id AS id FROM (SELECT contact_id FROM notes WHERE cl % 2 = 1 UNION ALL
         SELECT contact_id FROM calls WHERE cl % 2 = 1 AND contact_id IS NOT NULL)
       GROUP BY contact_id ORDER BY COUNT(*) DESC LIMIT 20`,
    )
    .pluck()
    .all() as string[];
  const timelineBaseline = bareDb.prepare(
    `SELECT kind, id, at FROM (
       SELECT 'note' AS kind, id, created_at AS at FROM notes WHERE contact_id = @id AND cl % 2 = 1
       UNION ALL SELECT 'call', id, started_at FROM calls WHERE contact_id = @id AND cl % 2 = 1
       UNION ALL SELECT 'follow_up', id, created_at FROM follow_ups WHERE contact_id = @id AND cl % 2 = 1
       UNION ALL SELECT 'file', id, created_at FROM files WHERE contact_id = @id AND cl % 2 = 1)
     ORDER BY at DESC LIMIT 50`,
  );
  const timeline = await measurePairs({
    cases: busiest,
    warmupRounds: 1,
    rounds: measured,
    subject: (contactId) => call(core, 'timeline.list', { contactId, limit: 50 }),
    baseline: (contactId) => timelineBaseline.all({ id: contactId }),
  });

  const dealCount = context.quick ? 10_000 : 50_000;
  const started = performance.now();
  const { pipeline, stages } = seedBenchDeals(core, bareDb, dealCount, context.now());
  const setupSeconds = (performance.now() - started) / 1000;

  const boardBaseline = bareDb.prepare(
    `SELECT stage_id, COUNT(*) AS count, SUM(value_minor) AS total FROM deals WHERE pipeline_id = ? AND cl % 2 = 1 GROUP BY stage_id`,
  );
  const stagePage = bareDb.prepare(
    `SELECT * FROM deals WHERE pipeline_id = ? AND stage_id = ? AND cl % 2 = 1 ORDER BY updated_at DESC, id DESC LIMIT 50`,
  );
  const board = await measurePairs({
    cases: ['board'],
    warmupRounds: 2,
    rounds: measured,
    subject: () => call(core, 'pipelines.board', { pipelineId: pipeline.id, dealsPerStage: 50 }),
    baseline: () => {
      boardBaseline.all(pipeline.id);
      for (const stage of stages) stagePage.all(pipeline.id, stage.id);
    },
  });
  const period = { from: context.now() - 365 * dayMs, to: context.now() + dayMs };
  const funnelBaseline = bareDb.prepare(
    `SELECT to_stage_id, COUNT(DISTINCT deal_id) AS entered FROM deal_stage_events
     WHERE pipeline_id = ? AND at >= ? AND at < ? GROUP BY to_stage_id`,
  );
  const funnel = await measurePairs({
    cases: ['funnel'],
    warmupRounds: 1,
    rounds: Math.max(5, Math.floor(measured / 3)),
    subject: () => call(core, 'pipelines.funnel', { pipelineId: pipeline.id, period }),
    baseline: () => funnelBaseline.all(pipeline.id, period.from, period.to),
  });

  const figure = (id: string, title: string, baselineTitle: string, samples: { subject: number[]; baseline: number[] }, target: string, limitMs: number, details: Record<string, unknown>) => {
    const value = latency(summarise(samples.subject));
    const base = latency(summarise(samples.baseline));
    return finish({
      id,
      title,
      status: 'measured',
      value,
      baseline: { title: baselineTitle, value: base },
      ratio: latencyRatio(value, base, 'p95'),
      target,
      checks: [{ text: `p95 < ${limitMs} ms`, pass: summarise(samples.subject).p95 < limitMs }],
      details,
    });
  };
  return [
    figure(
      'timeline.page',
      'A page of 50 of a contact’s timeline (core: timeline.list, the 20 busiest contacts)',
      'the same rows by UNION ALL + ORDER BY + LIMIT, raw (without the change-log entries the core adds)',
      timeline,
      'no target in docs/architecture.md; held to the list page’s 5 ms',
      5,
      { contacts: busiest.length },
    ),
    figure(
      'pipeline.board',
      `Pipeline board of ${dealCount.toLocaleString('en')} deals (core: pipelines.board, 50 deals a stage)`,
      'its GROUP BY and one page per stage, raw',
      board,
      'no target in docs/architecture.md; held to the dashboard’s 20 ms',
      20,
      { deals: dealCount, setupSeconds: Math.round(setupSeconds * 10) / 10 },
    ),
    figure(
      'pipeline.funnel',
      `Funnel of ${dealCount.toLocaleString('en')} deals over a year (core: pipelines.funnel)`,
      'entries per stage by COUNT(DISTINCT) GROUP BY, raw (the core also computes conversion and days in stage)',
      funnel,
      'no target in docs/architecture.md; held to the dashboard’s 20 ms',
      20,
      { deals: dealCount },
    ),
  ];
}
