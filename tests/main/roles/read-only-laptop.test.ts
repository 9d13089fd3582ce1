import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import type { TempCore } from '../../helpers/temp-core';
import { startTeam } from '../../helpers/workspace-team';

const relay = useRelayInMemory();
let admin: TempCore;
let temp: TempCore;

beforeAll(async () => {
  ({ admin, teammate: temp } = await startTeam(relay.url, 'Whitfield Plumbing', 'read_only'));
}, 60_000);
afterAll(() => {
  admin?.dispose();
  temp?.dispose();
});

const changeCount = (core: TempCore) => (core.sqlite.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;

describe("a read-only member's laptop", () => {
  it("sees the team's contacts after sync and refuses every local write before touching the database", async () => {
    const created = await admin.call('contacts.create', { draft: { name: 'Rosa Diaz' } });
    await admin.call('sync.now', {});
    const status = await temp.call('sync.now', {});
    expect(status.role).toBe('read_only');
    expect((await temp.call('contacts.get', { id: created.id })).name).toBe('Rosa Diaz');

    const before = changeCount(temp);
    const edit = await temp.invoke('contacts.update', { id: created.id, patch: { name: 'Someone else' } });
    expect(edit).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(!edit.ok && edit.error.message).toMatch(/read-only member/);
    const note = await temp.invoke('notes.create', { contactId: created.id, body: 'Called back' });
    expect(note).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(changeCount(temp)).toBe(before);
    expect((await temp.call('contacts.get', { id: created.id })).name).toBe('Rosa Diaz');
  });

  it('may write once an admin makes it a member, learnt at its next sync', async () => {
    const workspace = await admin.call('sync.workspace', {});
    const ben = workspace.members.find((member) => member.name === 'Ben')!;
    await admin.call('sync.setMemberRole', { memberId: ben.id, role: 'member' });
    expect((await temp.call('sync.now', {})).role).toBe('member');
    const contact = await temp.call('contacts.create', { draft: { name: 'Jake Peralta' } });
    await temp.call('sync.now', {});
    await admin.call('sync.now', {});
    expect((await admin.call('contacts.get', { id: contact.id })).name).toBe('Jake Peralta');
  });
});
