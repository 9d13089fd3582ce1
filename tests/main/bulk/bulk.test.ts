import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../src-shared/ipc/contract';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { seedContacts, settled, taggedIds } from './bulk-helpers';

let core: TempCore;
beforeEach(() => {
  core = createTempCore();
});
afterEach(() => core.dispose());

const plumbers = { filters: { contactType: 'Plumber' } };
type Start = ChannelInput<'bulk.start'>;

async function failure(input: Start) {
  const result = await core.invoke('bulk.start', input);
  if (result.ok) throw new Error('expected bulk.start to refuse');
  return result.error;
}

describe('bulk actions on contacts', () => {
  it('tags every contact matching the filter, loaded or not, except those left out, and undo takes exactly that back', async () => {
    const ids = seedContacts(core, 1200, (index) => ({ contactType: index % 4 === 0 ? 'Lead' : 'Plumber', tags: index === 1 ? ['storm'] : [] }));
    const plumberIds = ids.filter((_, index) => index % 4 !== 0);
    const leftOut = plumberIds.slice(1, 4);
    const outboxBefore = core.engine.pendingCount();

    const started = await core.call('bulk.start', {
      list: 'contacts',
      request: plumbers,
      selection: { mode: 'matching', except: leftOut },
      action: { type: 'addTag', tag: 'storm' },
    });
    expect(started.total).toBe(plumberIds.length - 3);
    const done = await settled(core, started.id);
    expect(done).toMatchObject({ state: 'done', done: 897, changed: 896, label: 'Tagged 896 contacts “storm”' });
    expect(taggedIds(core, 'storm')).toEqual(plumberIds.filter((id) => !leftOut.includes(id)).sort());
    expect((await core.call('contacts.facets', {})).tags).toContainEqual({ name: 'storm', count: 897 });
    // Every change is an ordinary synced change, waiting in the outbox for the relay.
    expect(core.engine.pendingCount() - outboxBefore).toBe(896);

    await settled(core, (await core.call('bulk.undo', { id: started.id })).id);
    // The contact that had the tag before (selected, but not changed) keeps it; nobody else has it.
    expect(taggedIds(core, 'storm')).toEqual([ids[1]]);
    expect((await core.call('bulk.status', { id: started.id })).state).toBe('undone');
  });

  it('restores each contact’s own owner and status, and brings deleted contacts back', async () => {
    const ids = seedContacts(core, 30, (index) => ({ owner: ['Ann', 'Bo', ''][index % 3], status: index % 2 ? 'won' : 'active' }));
    const before = core.sqlite.prepare('SELECT id, owner, status, cl FROM contacts ORDER BY id').all();
    const selection = { mode: 'ids' as const, ids: ids.slice(0, 20) };
    for (const action of [{ type: 'assignOwner', owner: 'Bo' }, { type: 'setStatus', status: 'dormant' }, { type: 'delete' }] as const) {
      const status = await settled(core, (await core.call('bulk.start', { list: 'contacts', request: {}, selection, action })).id);
      expect(status.state).toBe('done');
    }
    expect((await core.call('contacts.list', {})).total).toBe(10);
    const actions = await core.call('bulk.recent', {});
    for (const action of actions) await settled(core, (await core.call('bulk.undo', { id: action.id })).id);
    const after = core.sqlite.prepare('SELECT id, owner, status, cl FROM contacts ORDER BY id').all() as { cl: number }[];
    expect(after.map((row) => ({ ...row, cl: row.cl % 2 }))).toEqual(before.map((row) => ({ ...(row as object), cl: 1 })));
  });

  it('refuses an unknown tag, owner or segment and an empty selection, and changes nothing', async () => {
    const [id] = seedContacts(core, 2);
    const changesBefore = core.engine.pendingCount();
    const ids = { mode: 'ids' as const, ids: [id!] };
    expect(await failure({ list: 'contacts', request: {}, selection: ids, action: { type: 'removeTag', tag: 'nobody-has-this' } })).toMatchObject({
      code: 'invalid_input',
      message: 'No contact has the tag “nobody-has-this”, so there is nothing to remove.',
    });
    expect(await failure({ list: 'contacts', request: {}, selection: ids, action: { type: 'assignOwner', owner: 'Zed Unknown' } })).toMatchObject({
      field: 'owner',
    });
    expect(await failure({ list: 'contacts', request: {}, selection: ids, action: { type: 'addToSegment', segmentId: 'no-such-segment' } })).toMatchObject({
      code: 'not_found',
    });
    expect(await failure({ list: 'contacts', request: { query: 'zzzz' }, selection: { mode: 'matching', except: [] }, action: { type: 'addTag', tag: 'x' } })).toMatchObject({
      message: 'No rows are selected, so nothing was changed.',
    });
    expect((await failure({ list: 'contacts', request: {}, selection: { mode: 'ids', ids: [] }, action: { type: 'delete' } })).message).toContain('Select at least one row');
    expect(core.engine.pendingCount()).toBe(changesBefore);
    expect(await core.call('bulk.recent', {})).toEqual([]);
  });

  it('cancels after the batch in progress; undo of the cancelled action takes back what it did', async () => {
    seedContacts(core, 2000);
    const started = await core.call('bulk.start', { list: 'contacts', request: {}, selection: { mode: 'matching', except: [] }, action: { type: 'addTag', tag: 'storm' } });
    expect(started.state).toBe('running');
    // The first batch is done before start answers.
    expect(taggedIds(core, 'storm')).toHaveLength(500);
    expect(await core.call('bulk.cancel', { id: started.id })).toEqual({ cancelled: true });
    const cancelled = await settled(core, started.id);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.done).toBeLessThan(2000);
    expect(taggedIds(core, 'storm')).toHaveLength(cancelled.done);
    await settled(core, (await core.call('bulk.undo', { id: started.id })).id);
    expect(taggedIds(core, 'storm')).toEqual([]);
  });

  it('adds the selection to a static segment, refuses a dynamic one, and undo gives the segment its members back', async () => {
    const ids = seedContacts(core, 12, (index) => ({ contactType: index < 6 ? 'Landlord' : 'Tenant' }));
    const definition = { type: 'group', join: 'and', children: [{ type: 'criterion', field: 'contactType', op: 'equals', value: 'Landlord' }] } as const;
    const frozen = await core.call('segments.freeze', { name: 'Landlords, Monday', definition });
    const dynamic = await core.call('segments.save', { name: 'Landlords', definition });
    const selection = { mode: 'ids' as const, ids: ids.slice(4, 9) };
    expect(await failure({ list: 'contacts', request: {}, selection, action: { type: 'addToSegment', segmentId: dynamic.id } })).toMatchObject({ field: 'segmentId' });
    const added = await settled(core, (await core.call('bulk.start', { list: 'contacts', request: {}, selection, action: { type: 'addToSegment', segmentId: frozen.id } })).id);
    expect(added).toMatchObject({ changed: 3, label: 'Added 3 contacts to “Landlords, Monday”' });
    expect((await core.call('segments.memberIds', { id: frozen.id })).ids.sort()).toEqual(ids.slice(0, 9).sort());
    // The segment as a contacts filter, all matching: what bulk actions on a segment start from.
    const tagged = await settled(
      core,
      (await core.call('bulk.start', { list: 'contacts', request: { filters: { segmentId: frozen.id } }, selection: { mode: 'matching', except: [] }, action: { type: 'addTag', tag: 'mailing' } })).id,
    );
    expect(tagged.changed).toBe(9);
    await settled(core, (await core.call('bulk.undo', { id: added.id })).id);
    expect((await core.call('segments.memberIds', { id: frozen.id })).ids.sort()).toEqual(ids.slice(0, 6).sort());
  });
});

describe('bulk actions on calls and jobs', () => {
  it('sets the outcome, marks spam and deletes calls; refuses an outcome the office does not use', async () => {
    const calls = [];
    for (let index = 0; index < 5; index++) {
      calls.push(await core.call('calls.log', { direction: 'inbound', number: `+4411700000${index}`, startedAt: 1_700_000_000_000 + index, disposition: 'call back' }));
    }
    const selection = { mode: 'ids' as const, ids: calls.map((call) => call.id) };
    expect(await failure({ list: 'calls', request: {}, selection, action: { type: 'setOutcome', outcome: 'exploded' } })).toMatchObject({ field: 'outcome' });
    await settled(core, (await core.call('bulk.start', { list: 'calls', request: {}, selection, action: { type: 'setOutcome', outcome: 'no answer' } })).id);
    const spam = await settled(core, (await core.call('bulk.start', { list: 'calls', request: { disposition: 'no answer' }, selection: { mode: 'matching', except: [calls[0]!.id] }, action: { type: 'markSpam', spam: true } })).id);
    expect(spam.changed).toBe(4);
    const listed = (await core.call('calls.list', {})).items;
    expect(listed.every((call) => call.disposition === 'no answer' && call.status === 'no-answer')).toBe(true);
    expect(listed.filter((call) => call.spam)).toHaveLength(4);
    const deleted = await settled(core, (await core.call('bulk.start', { list: 'calls', request: {}, selection, action: { type: 'delete' } })).id);
    expect((await core.call('calls.list', {})).total).toBe(0);
    await settled(core, (await core.call('bulk.undo', { id: deleted.id })).id);
    expect((await core.call('calls.list', {})).total).toBe(5);
  });

  it('sets job statuses, leaving jobs that cannot take the status as they were, and assigns them', async () => {
    const [contactId] = seedContacts(core, 1, () => ({ owner: 'Dana' }));
    const plain = await core.call('jobs.create', { contactId: contactId!, title: 'Fix the boiler' });
    const invoiced = await core.call('jobs.create', { contactId: contactId!, title: 'New radiator', invoicedMinor: 12000 });
    const selection = { mode: 'ids' as const, ids: [plain.id, invoiced.id] };
    const status = await settled(core, (await core.call('bulk.start', { list: 'jobs', request: {}, selection, action: { type: 'setStatus', status: 'invoiced' } })).id);
    expect(status.changed).toBe(1);
    expect((await core.call('jobs.get', { id: plain.id })).status).toBe('new');
    expect((await core.call('jobs.get', { id: invoiced.id })).status).toBe('invoiced');
    await settled(core, (await core.call('bulk.start', { list: 'jobs', request: { status: 'open' }, selection: { mode: 'matching', except: [] }, action: { type: 'assign', assignee: 'Dana' } })).id);
    expect((await core.call('jobs.get', { id: plain.id })).assignee).toBe('Dana');
  });
});
