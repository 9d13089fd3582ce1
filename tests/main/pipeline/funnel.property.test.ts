import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFunnel } from '../../../src-main/pipeline/analytics';
import type { StageEventTuple } from '../../../src-main/pipeline/queries';
import type { Stage } from '../../../src-shared/domain/pipeline';

// The funnel is counted in one pass over each deal's stage events (analytics.ts). Whatever the
// events, it must give what the plain definition gives: for each stage, the deals with a visit in
// the period (once each), those of them that later reached a further stage other than a loss, the
// days to each visit's next visit, and the won and lost visits. The definition is written out here
// as directly as it reads, over events in the order they were recorded.

const dayMs = 24 * 60 * 60 * 1000;
const stages: Stage[] = ['New', 'Visit', 'Quote', 'Decision', 'Won', 'Lost'].map((name, index) => ({
  id: `s${index}`,
  pipelineId: 'p',
  name,
  position: (index + 1) * 1000,
  probabilityBp: 0,
  expectedDays: null,
  outcome: name === 'Won' ? 'won' : name === 'Lost' ? 'lost' : 'open',
}));

function byDefinition(events: readonly StageEventTuple[], from: number, to: number) {
  const index = new Map(stages.map((stage, at) => [stage.id, at]));
  const won = events.filter(([, stage, at]) => at >= from && at < to && stages[index.get(stage) ?? -1]?.outcome === 'won').length;
  const lost = events.filter(([, stage, at]) => at >= from && at < to && stages[index.get(stage) ?? -1]?.outcome === 'lost').length;
  return {
    won,
    lost,
    stages: stages.map((stage, stageIndex) => {
      const entered = new Set<string>();
      const advanced = new Set<string>();
      const durations: number[] = [];
      for (const [deal, stageId, at] of events) {
        if (stageId !== stage.id || at < from || at >= to) continue;
        entered.add(deal);
        // The deal's visits by time (times within a deal are distinct here): what came after this one.
        const visits = events.filter(([other]) => other === deal).sort((x, y) => x[2] - y[2]);
        const after = visits.slice(visits.findIndex(([, , time]) => time === at) + 1);
        if (after.length > 0) durations.push((after[0]![2] - at) / dayMs);
        if (after.some(([, laterStage]) => (index.get(laterStage) ?? -1) > stageIndex && stages[index.get(laterStage)!]!.outcome !== 'lost')) advanced.add(deal);
      }
      return { stageId: stage.id, entered: entered.size, advanced: advanced.size, averageDays: durations.length === 0 ? null : durations.reduce((sum, days) => sum + days, 0) / durations.length };
    }),
  };
}

const event = fc.tuple(fc.constantFrom('d1', 'd2', 'd3', 'd4'), fc.constantFrom(...stages.map((stage) => stage.id), 'elsewhere'), fc.integer({ min: 0, max: 40 }).map((day) => day * dayMs));

describe('the funnel counted in one pass', () => {
  it('gives what the definition gives, for any stage events and period', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (recorded, a, b) => {
        // Distinct times within a deal keep "the next visit" unambiguous for the definition above.
        const seen = new Set<string>();
        const events = recorded.filter(([deal, , at]) => !seen.has(`${deal}@${at}`) && seen.add(`${deal}@${at}`));
        const [from, to] = [Math.min(a, b) * dayMs, (Math.max(a, b) + 1) * dayMs];
        // The query hands the events over grouped by deal, in the order they happened.
        const ordered = [...events].sort((x, y) => x[0].localeCompare(y[0]) || x[2] - y[2]);
        const funnel = computeFunnel(stages, ordered, from, to);
        const expected = byDefinition(events, from, to);
        expect({ won: funnel.won, lost: funnel.lost }).toEqual({ won: expected.won, lost: expected.lost });
        funnel.stages.forEach((row, at) => {
          const want = expected.stages[at]!;
          expect({ stageId: row.stageId, entered: row.entered, advanced: row.advanced }).toEqual({ stageId: want.stageId, entered: want.entered, advanced: want.advanced });
          if (want.averageDays === null) expect(row.averageDays).toBeNull();
          else expect(row.averageDays).toBeCloseTo(want.averageDays, 9);
          expect(row.conversion).toBe(row.entered === 0 || row.outcome !== 'open' ? null : row.advanced / row.entered);
        });
      }),
      { numRuns: 3000 },
    );
  });
});
