import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { seedContacts, settled } from './bulk-helpers';

let core: TempCore;
let clock = Date.UTC(2026, 9, 1);
beforeEach(async () => {
  clock = Date.UTC(2026, 9, 1);
  core = createTempCore({ now: () => clock });
  await core.call('settings.update', { userName: 'Sam' });
});
afterEach(() => core.dispose());

/** A prospects pipeline with deals in "Prospect", worth 100 … 600, owned by Sam and Kim in turns; and one deal in another pipeline. */
async function seedDeals(count: number) {
  const pipeline = await core.call('pipelines.createFromTemplate', { template: 'prospects' });
  const other = await core.call('pipelines.createFromTemplate', { template: 'urgent_jobs' });
  const stage = (name: string) => pipeline.stages.find((candidate) => candidate.name === name)!.id;
  const contactIds = seedContacts(core, count + 1);
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    clock += 1000;
    const deal = await core.call('deals.create', { contactId: contactIds[index]!, pipelineId: pipeline.id, title: `Deal ${index}`, valueMinor: (index + 1) * 100, owner: index % 2 ? 'Kim' : 'Sam' });
    ids.push(deal.id);
  }
  const elsewhere = await core.call('deals.create', { contactId: contactIds[count]!, pipelineId: other.id, title: 'Elsewhere' });
  return { pipeline, stage, ids, elsewhere };
}

const snapshot = () => core.sqlite.prepare('SELECT id, stage_id, closed_at, owner, cl FROM deals ORDER BY id').all();
const events = () => core.sqlite.prepare('SELECT deal_id, from_stage_id, to_stage_id FROM deal_stage_events ORDER BY rowid').all() as { deal_id: string; from_stage_id: string | null; to_stage_id: string }[];

describe('bulk actions on deals', () => {
  it('moves the selected deals to a stage with their moves recorded, leaves a deal of another pipeline, and undo moves them back', async () => {
    const { pipeline, stage, ids, elsewhere } = await seedDeals(4);
    const before = snapshot();
    const eventsBefore = events().length;
    clock += 60_000;
    const started = await core.call('bulk.start', {
      list: 'deals',
      request: {},
      selection: { mode: 'ids', ids: [ids[0]!, ids[1]!, elsewhere.id] },
      action: { type: 'moveToStage', stageId: stage('Won') },
    });
    expect(await settled(core, started.id)).toMatchObject({ state: 'done', done: 3, changed: 2, label: 'Moved 2 deals to Won' });
    const won = await core.call('deals.list', { pipelineId: pipeline.id, stageId: stage('Won') });
    expect(won.items.map((deal) => deal.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(won.items.every((deal) => deal.closedAt === clock)).toBe(true);
    expect(events().slice(eventsBefore)).toEqual(ids.slice(0, 2).map((id) => ({ deal_id: id, from_stage_id: stage('Prospect'), to_stage_id: stage('Won') })));

    await settled(core, (await core.call('bulk.undo', { id: started.id })).id);
    expect(snapshot()).toEqual(before);
    // The move back is a move too, so the history and the funnel see both.
    expect(events().slice(eventsBefore + 2).map((event) => event.to_stage_id)).toEqual([stage('Prospect'), stage('Prospect')]);
  });

  it('gives every deal matching the list to one owner, and undo gives each its own owner back', async () => {
    const { pipeline, ids } = await seedDeals(6);
    const before = snapshot();
    const started = await core.call('bulk.start', { list: 'deals', request: { pipelineId: pipeline.id }, selection: { mode: 'matching', except: [ids[1]!] }, action: { type: 'assignOwner', owner: 'Kim' } });
    // The one left out is Kim's already; Kim's others stay, Sam's three change.
    expect(await settled(core, started.id)).toMatchObject({ done: 5, changed: 3, label: 'Gave 3 deals to Kim' });
    expect((await core.call('deals.list', { pipelineId: pipeline.id, owner: 'Sam' })).total).toBe(0);
    await settled(core, (await core.call('bulk.undo', { id: started.id })).id);
    expect(snapshot()).toEqual(before);
  });

  it('deletes deals and undo brings them back', async () => {
    const { pipeline, ids } = await seedDeals(3);
    const started = await core.call('bulk.start', { list: 'deals', request: { pipelineId: pipeline.id }, selection: { mode: 'matching', except: [] }, action: { type: 'delete' } });
    expect(await settled(core, started.id)).toMatchObject({ changed: 3, label: 'Deleted 3 deals' });
    expect((await core.call('deals.list', { pipelineId: pipeline.id })).total).toBe(0);
    await settled(core, (await core.call('bulk.undo', { id: started.id })).id);
    expect((await core.call('deals.list', { pipelineId: pipeline.id, sort: { field: 'title', direction: 'asc' } })).items.map((deal) => deal.id)).toEqual(ids);
  });

  it('refuses a stage that does not exist and an unknown owner, and changes nothing', async () => {
    const { ids } = await seedDeals(2);
    const before = snapshot();
    for (const action of [{ type: 'moveToStage', stageId: 'no-such-stage' }, { type: 'assignOwner', owner: 'Zed Unknown' }] as const) {
      const result = await core.invoke('bulk.start', { list: 'deals', request: {}, selection: { mode: 'ids', ids }, action });
      expect(result.ok).toBe(false);
    }
    expect(snapshot()).toEqual(before);
  });

  it('sorts deals by probability and by weighted value, the deal’s own probability before its stage’s', async () => {
    const { pipeline, ids } = await seedDeals(3);
    await core.call('deals.update', { id: ids[0]!, patch: { probabilityBp: 9000 } });
    const order = async (field: 'probabilityBp' | 'weighted') =>
      (await core.call('deals.list', { pipelineId: pipeline.id, sort: { field, direction: 'desc' } })).items.map((deal) => deal.title);
    expect(await order('probabilityBp')).toEqual(['Deal 0', 'Deal 2', 'Deal 1']);
    // 100 × 90% = 90 beats 300 × 5% = 15 and 200 × 5% = 10.
    expect(await order('weighted')).toEqual(['Deal 0', 'Deal 2', 'Deal 1']);
  });
});
