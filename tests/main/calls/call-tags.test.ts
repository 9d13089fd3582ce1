import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { settled } from '../bulk/bulk-helpers';

const relay = useRelayInMemory();
const cores: TempCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
});

function laptop(): TempCore {
  const core = createTempCore({ autoSync: false });
  cores.push(core);
  return core;
}

const logCall = (core: TempCore, number: string, startedAt = Date.now() - 60_000) =>
  core.call('calls.log', { direction: 'inbound', number, startedAt, disposition: 'no answer' });

describe('tags on calls', () => {
  it('tags and untags a call, once per tag whatever its case, and filters the list by a tag', async () => {
    const core = laptop();
    const burst = await logCall(core, '07400 123456');
    const other = await logCall(core, '07400 123457');
    await core.call('calls.addTag', { id: burst.id, tag: 'Storm' });
    await core.call('calls.addTag', { id: burst.id, tag: 'storm' });
    expect((await core.call('calls.addTag', { id: burst.id, tag: 'insurance' })).tags).toEqual(['insurance', 'Storm']);
    await core.call('calls.addTag', { id: other.id, tag: 'insurance' });

    const tagged = await core.call('calls.list', { tag: 'STORM' });
    expect(tagged.items.map((call) => call.id)).toEqual([burst.id]);
    expect(await core.call('calls.tags', {})).toEqual(['insurance', 'Storm']);

    expect((await core.call('calls.removeTag', { id: burst.id, tag: 'STORM' })).tags).toEqual(['insurance']);
    expect((await core.call('calls.list', { tag: 'storm' })).total).toBe(0);
    // Put back, it is the same row again rather than one more.
    await core.call('calls.addTag', { id: burst.id, tag: 'storm' });
    expect(core.sqlite.prepare('SELECT COUNT(*) FROM call_tags WHERE call_id = ?').pluck().get(burst.id)).toBe(2);
  });

  it('refuses an empty or over-long tag, and a call that does not exist, changing nothing', async () => {
    const core = laptop();
    const call = await logCall(core, '07400 123456');
    for (const input of [{ id: call.id, tag: '  ' }, { id: call.id, tag: 'x'.repeat(41) }]) {
      const answer = await core.invoke('calls.addTag', input);
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'tag' } });
    }
    expect(await core.invoke('calls.addTag', { id: 'no-such-call', tag: 'storm' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(core.sqlite.prepare('SELECT COUNT(*) FROM call_tags').pluck().get()).toBe(0);
  });

  it('tags every call of a bulk selection, leaves those that have the tag, and undo takes back only what it added', async () => {
    const core = laptop();
    const calls = [await logCall(core, '07400 123456'), await logCall(core, '07400 123457'), await logCall(core, '07400 123458')];
    await core.call('calls.addTag', { id: calls[0]!.id, tag: 'Storm' });
    const bulk = await settled(
      core,
      (await core.call('bulk.start', { list: 'calls', request: {}, selection: { mode: 'matching', except: [] }, action: { type: 'addTag', tag: 'storm' } })).id,
    );
    expect(bulk).toMatchObject({ state: 'done', changed: 2, label: 'Tagged 2 calls “storm”' });
    expect((await core.call('calls.list', { tag: 'storm' })).total).toBe(3);
    await settled(core, (await core.call('bulk.undo', { id: bulk.id })).id);
    expect((await core.call('calls.list', { tag: 'storm' })).items.map((call) => call.id)).toEqual([calls[0]!.id]);
    expect((await core.call('calls.get', { id: calls[0]!.id })).tags).toEqual(['Storm']);
  });

  it('keeps the tag out of the row id the relay sees', async () => {
    const core = laptop();
    const call = await logCall(core, '07400 123456');
    await core.call('calls.addTag', { id: call.id, tag: 'burst pipe' });
    const rowIds = core.sqlite.prepare("SELECT row_id FROM changes WHERE table_name = 'call_tags'").pluck().all() as string[];
    expect(rowIds).toHaveLength(1);
    expect(rowIds[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(rowIds[0]).not.toContain(call.id);
  });

  it('writes the tags into the calls CSV', async () => {
    const core = laptop();
    const call = await logCall(core, '07400 123456');
    await core.call('calls.addTag', { id: call.id, tag: 'storm' });
    await core.call('calls.addTag', { id: call.id, tag: '=1+1' });
    const { jobId } = await core.call('calls.exportCsv', { tag: 'storm' });
    let status = await core.call('exchange.jobStatus', { jobId });
    while (status.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 10));
      status = await core.call('exchange.jobStatus', { jobId });
    }
    const csv = fs.readFileSync(status.exportResult!.path, 'utf8');
    expect(csv).toContain(`'=1+1; storm`);
  });

  it('keeps both people’s tags when two laptops tag the same call at once, and an untag reaches both', async () => {
    const admin = laptop();
    const member = laptop();
    await admin.call('sync.createWorkspace', { relayUrl: relay.url, workspaceName: 'Office', memberName: 'Sam' });
    const call = await logCall(admin, '07400 123456');
    await admin.call('sync.now', {});
    await member.call('sync.join', { relayUrl: relay.url, inviteCode: (await admin.call('sync.invite', {})).inviteCode, memberName: 'Priya' });
    expect((await member.call('calls.get', { id: call.id })).id).toBe(call.id);

    // Before either has heard of the other's: both tag "storm", one adds "leak", the other "insurance".
    await admin.call('calls.addTag', { id: call.id, tag: 'storm' });
    await admin.call('calls.addTag', { id: call.id, tag: 'leak' });
    await member.call('calls.addTag', { id: call.id, tag: 'Storm' });
    await member.call('calls.addTag', { id: call.id, tag: 'insurance' });
    await admin.call('sync.now', {});
    await member.call('sync.now', {});
    await admin.call('sync.now', {});
    expect((await admin.call('calls.get', { id: call.id })).tags).toEqual(['insurance', 'leak', 'storm']);
    expect((await member.call('calls.get', { id: call.id })).tags).toEqual(['insurance', 'leak', 'storm']);

    // Untagging after both have synced clears both laptops' rows of that tag.
    await member.call('calls.removeTag', { id: call.id, tag: 'storm' });
    await member.call('sync.now', {});
    await admin.call('sync.now', {});
    expect((await admin.call('calls.get', { id: call.id })).tags).toEqual(['insurance', 'leak']);
    expect((await admin.call('calls.list', { tag: 'storm' })).total).toBe(0);
  }, 60_000);
});
