import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../src-shared/ipc/contract';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { seedContacts, settled } from './bulk-helpers';

let core: TempCore;
beforeEach(async () => {
  core = createTempCore();
  await core.call('settings.update', { userName: 'Ann' });
});
afterEach(() => core.dispose());

const hour = 3_600_000;
const farAhead = Date.now() + 365 * 24 * hour;
const upcoming = { view: 'upcoming' as const, scope: 'team' as const, endOfToday: Date.now() };

/** Follow-ups due in a day or more, for Ann and Bo in turns; answers their ids in due order. */
async function seedFollowUps(count: number): Promise<string[]> {
  const contactIds = seedContacts(core, count);
  const ids: string[] = [];
  for (const [index, contactId] of contactIds.entries()) {
    const made = await core.call('followups.create', { contactId, title: `Call back ${index}`, dueAt: Date.now() + (24 + index) * hour, assignee: index % 2 ? 'Bo' : 'Ann' });
    ids.push(made.id);
  }
  return ids;
}

const snapshot = () => core.sqlite.prepare('SELECT id, due_at, done_at, done_by, assignee, cl FROM follow_ups ORDER BY id').all();

type FollowUpAction = Extract<ChannelInput<'bulk.start'>, { list: 'followups' }>['action'];

async function runAndUndo(ids: readonly string[], action: FollowUpAction) {
  const started = await core.call('bulk.start', { list: 'followups', request: upcoming, selection: { mode: 'ids', ids: [...ids] }, action });
  const done = await settled(core, started.id);
  const undone = await settled(core, (await core.call('bulk.undo', { id: started.id })).id);
  return { done, undone };
}

describe('bulk actions on follow-ups', () => {
  it('marks the selected follow-ups done, and undo opens exactly those again', async () => {
    const ids = await seedFollowUps(6);
    const before = snapshot();
    const started = await core.call('bulk.start', { list: 'followups', request: upcoming, selection: { mode: 'ids', ids: ids.slice(0, 4) }, action: { type: 'markDone' } });
    expect(await settled(core, started.id)).toMatchObject({ state: 'done', changed: 4, label: 'Marked 4 follow-ups done' });
    expect((await core.call('followups.list', upcoming)).total).toBe(2);
    expect((await core.call('followups.list', { ...upcoming, view: 'done' })).items.map((item) => item.doneAt !== null)).toEqual([true, true, true, true]);

    await settled(core, (await core.call('bulk.undo', { id: started.id })).id);
    expect(snapshot()).toEqual(before);
    expect((await core.call('followups.list', upcoming)).total).toBe(6);
  });

  it('gives every follow-up matching the list to one person except those left out, and undo gives each back its own', async () => {
    const ids = await seedFollowUps(8);
    const before = snapshot();
    const started = await core.call('bulk.start', { list: 'followups', request: upcoming, selection: { mode: 'matching', except: [ids[0]!] }, action: { type: 'assign', assignee: 'Bo' } });
    // Half were Bo's already: only Ann's, less the one left out, change.
    expect(await settled(core, started.id)).toMatchObject({ done: 7, changed: 3, label: 'Gave 3 follow-ups to Bo' });
    expect((await core.call('followups.list', { ...upcoming, scope: 'mine' })).items.map((item) => item.id)).toEqual([ids[0]]);
    await settled(core, (await core.call('bulk.undo', { id: started.id })).id);
    expect(snapshot()).toEqual(before);
  });

  it('moves open follow-ups to one time, leaves done ones as they were, and undo puts each back at its own time', async () => {
    const ids = await seedFollowUps(5);
    await core.call('followups.complete', { id: ids[4]! });
    const before = snapshot();
    const { done } = await runAndUndo(ids, { type: 'reschedule', dueAt: farAhead });
    expect(done).toMatchObject({ state: 'done', done: 5, changed: 4 });
    expect(done.label).toMatch(/^Moved 4 follow-ups to /);
    expect(snapshot()).toEqual(before);
  });

  it('deletes follow-ups and undo brings them back; the contact’s next follow-up follows both', async () => {
    const ids = await seedFollowUps(3);
    const nextOf = () => core.sqlite.prepare('SELECT next_follow_up_at FROM contacts ORDER BY id').pluck().all();
    const nextBefore = nextOf();
    const started = await core.call('bulk.start', { list: 'followups', request: upcoming, selection: { mode: 'matching', except: [] }, action: { type: 'delete' } });
    expect(await settled(core, started.id)).toMatchObject({ changed: 3, label: 'Deleted 3 follow-ups' });
    expect((await core.call('followups.list', upcoming)).total).toBe(0);
    expect(nextOf()).toEqual([null, null, null]);
    await settled(core, (await core.call('bulk.undo', { id: started.id })).id);
    expect((await core.call('followups.list', upcoming)).items.map((item) => item.id)).toEqual(ids);
    expect(nextOf()).toEqual(nextBefore);
  });

  it('refuses someone nobody knows and changes nothing', async () => {
    const ids = await seedFollowUps(2);
    const before = snapshot();
    const result = await core.invoke('bulk.start', { list: 'followups', request: upcoming, selection: { mode: 'ids', ids }, action: { type: 'assign', assignee: 'Zed Unknown' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'invalid_input', field: 'assignee' });
    expect(snapshot()).toEqual(before);
  });

  it('sorts the follow-ups list by any of its columns', async () => {
    await seedFollowUps(4);
    const titles = async (field: 'title' | 'assignee' | 'dueAt', direction: 'asc' | 'desc') =>
      (await core.call('followups.list', { ...upcoming, sort: { field, direction } })).items.map((item) => `${item.assignee} ${item.title}`);
    expect(await titles('dueAt', 'desc')).toEqual(['Bo Call back 3', 'Ann Call back 2', 'Bo Call back 1', 'Ann Call back 0']);
    expect(await titles('assignee', 'asc')).toEqual(['Ann Call back 0', 'Ann Call back 2', 'Bo Call back 1', 'Bo Call back 3']);
  });
});
