import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runMigrationFill } from '../../helpers/migration-fill';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// A pipeline board's counts and totals per stage and currency are kept by triggers as deals are
// written (deal_stage_figures, migration 0037), not summed over every deal when the board opens.
// After any sequence of deals created, edited, moved (within and across pipelines), deleted and
// restored, and of stages' probabilities changed, the board must show what summing every live deal
// shows, as the board did before the figures were kept.

const money = { valueMinor: fc.integer({ min: 0, max: 10_000_000 }), currency: fc.constantFrom('GBP', 'USD', 'EUR') };
const probability = fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null });
const step = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), pipeline: fc.nat(), stage: fc.nat(), ...money, probability }),
  fc.record({ kind: fc.constant('value' as const), at: fc.nat(), ...money }),
  fc.record({ kind: fc.constant('probability' as const), at: fc.nat(), probability }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), pipeline: fc.nat(), stage: fc.nat() }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'restore' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('stageProbability' as const), pipeline: fc.nat(), stage: fc.nat(), bp: fc.integer({ min: 0, max: 10_000 }) }),
);

/** Per stage: its count and totals summed from every live deal, as the board computed them before. */
function summed(core: TempCore, pipelineId: string) {
  const rows = core.sqlite
    .prepare<[string], { stage_id: string; currency: string; count: number; total: number; weighted: number }>(
      `SELECT d.stage_id, d.currency, COUNT(*) AS count, SUM(d.value_minor) AS total,
              SUM(d.value_minor * COALESCE(d.probability_bp, s.probability_bp, 0)) / 10000.0 AS weighted
       FROM deals d LEFT JOIN stages s ON s.id = d.stage_id
       WHERE d.pipeline_id = ? AND d.cl % 2 = 1 GROUP BY d.stage_id, d.currency`,
    )
    .all(pipelineId);
  return Object.fromEntries(
    [...new Set(rows.map((row) => row.stage_id))].map((stageId) => {
      const ofStage = rows.filter((row) => row.stage_id === stageId);
      return [
        stageId,
        {
          count: ofStage.reduce((sum, row) => sum + row.count, 0),
          totals: ofStage.map((row) => ({ currency: row.currency, totalMinor: row.total, weightedMinor: Math.round(row.weighted) })).sort((a, b) => a.currency.localeCompare(b.currency)),
        },
      ];
    }),
  );
}

async function shown(core: TempCore, pipelineId: string) {
  const board = await core.call('pipelines.board', { pipelineId, dealsPerStage: 5 });
  return Object.fromEntries(
    board.columns
      .filter((column) => column.count > 0)
      .map((column) => [column.stage.id, { count: column.count, totals: [...column.totals].sort((a, b) => a.currency.localeCompare(b.currency)) }]),
  );
}

describe('a pipeline board’s counts and totals', () => {
  it('equal every live deal summed afresh after any sequence of edits, moves, deletes and restores', { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const core = createTempCore();
        try {
          const contactId = (await core.call('contacts.create', { draft: { name: 'Ann Smith' } })).id;
          const pipelines = [await core.call('pipelines.createFromTemplate', { template: 'prospects' }), await core.call('pipelines.createFromTemplate', { template: 'urgent_jobs' })];
          const stageOf = (pipeline: number, stage: number) => {
            const { stages } = pipelines[pipeline % pipelines.length]!;
            return stages[stage % stages.length]!;
          };
          const ids: string[] = [];
          for (const [index, action] of steps.entries()) {
            const id = ids.length > 0 && 'at' in action ? ids[action.at % ids.length]! : undefined;
            // A step that does not apply (editing a deleted deal) is refused and changes nothing.
            const attempt = (work: Promise<unknown>) => work.catch(() => undefined);
            if (action.kind === 'create') {
              const stage = stageOf(action.pipeline, action.stage);
              const draft = { contactId, pipelineId: stage.pipelineId, stageId: stage.id, title: `Deal ${index}`, valueMinor: action.valueMinor, currency: action.currency, probabilityBp: action.probability };
              ids.push((await core.call('deals.create', draft)).id);
            } else if (action.kind === 'stageProbability') {
              await core.call('pipelines.updateStage', { stageId: stageOf(action.pipeline, action.stage).id, patch: { probabilityBp: action.bp } });
            } else if (id && action.kind === 'value') await attempt(core.invoke('deals.update', { id, patch: { valueMinor: action.valueMinor, currency: action.currency } }));
            else if (id && action.kind === 'probability') await attempt(core.invoke('deals.update', { id, patch: { probabilityBp: action.probability } }));
            else if (id && action.kind === 'move') await attempt(core.invoke('deals.move', { id, stageId: stageOf(action.pipeline, action.stage).id }));
            else if (id && action.kind === 'delete') await attempt(core.invoke('deals.delete', { id }));
            else if (id && action.kind === 'restore') await attempt(core.invoke('deals.restore', { id }));
          }
          for (const pipeline of pipelines) expect(await shown(core, pipeline.id)).toEqual(summed(core, pipeline.id));
        } finally {
          core.dispose();
        }
      }),
      { numRuns: 25 },
    );
  });

  it('are summed from the deals already there when a data folder is upgraded', async () => {
    const core = createTempCore();
    try {
      const contactId = (await core.call('contacts.create', { draft: { name: 'Ann Smith' } })).id;
      const pipeline = await core.call('pipelines.createFromTemplate', { template: 'prospects' });
      const [first, second] = pipeline.stages;
      await core.call('deals.create', { contactId, pipelineId: pipeline.id, stageId: first!.id, title: 'Boiler', valueMinor: 250_000 });
      await core.call('deals.create', { contactId, pipelineId: pipeline.id, stageId: first!.id, title: 'Pump', valueMinor: 40_000, currency: 'EUR', probabilityBp: 5_000 });
      const deleted = await core.call('deals.create', { contactId, pipelineId: pipeline.id, stageId: second!.id, title: 'Gone', valueMinor: 1_000 });
      await core.call('deals.delete', { id: deleted.id });
      const before = await shown(core, pipeline.id);
      // As a folder of the previous version: no kept figures, then the migration's own fill.
      core.sqlite.exec('DELETE FROM deal_stage_figures');
      expect(await shown(core, pipeline.id)).toEqual({});
      runMigrationFill(core.sqlite, '_deal_figures.sql', 'INSERT INTO deal_stage_figures');
      expect(await shown(core, pipeline.id)).toEqual(before);
      expect(before).toEqual({
        [first!.id]: {
          count: 2,
          totals: [
            { currency: 'EUR', totalMinor: 40_000, weightedMinor: 20_000 },
            { currency: 'GBP', totalMinor: 250_000, weightedMinor: Math.round((250_000 * first!.probabilityBp) / 10_000) },
          ],
        },
      });
    } finally {
      core.dispose();
    }
  });
});
