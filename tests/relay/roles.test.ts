import { describe, expect, it } from 'vitest';
import { WorkspaceInfoSchema } from '../../src-shared/sync/protocol';
import { useRelayInMemory } from '../helpers/relay-in-memory';
import { call, createWorkspace, wireChange } from './helpers/relay-harness';

const relay = useRelayInMemory();

async function joinAs(admin: { deviceToken: string }, role: string, memberName: string) {
  const invite = await call(relay.url, 'POST', '/v1/invites', { token: admin.deviceToken, body: { role } });
  expect(invite.status).toBe(200);
  expect(invite.body.role).toBe(role);
  const joined = await call(relay.url, 'POST', '/v1/join', { body: { inviteCode: invite.body.inviteCode, memberName, deviceName: 'Laptop' } });
  expect(joined.status).toBe(200);
  return joined.body as { deviceToken: string; memberId: string; role: string };
}

const push = (token: string) => call(relay.url, 'POST', '/v1/push', { token, body: { changes: [wireChange()] } });

describe('workspace roles at the relay', () => {
  it('gives whoever joins the role the admin chose in the invite', async () => {
    const admin = await createWorkspace(relay.url);
    const temp = await joinAs(admin, 'read_only', 'Tess');
    expect(temp.role).toBe('read_only');
    const info = WorkspaceInfoSchema.parse((await call(relay.url, 'GET', '/v1/workspace', { token: temp.deviceToken })).body);
    expect(info.you.role).toBe('read_only');
    expect(info.members.find((member) => member.name === 'Tess')?.role).toBe('read_only');
  });

  it("refuses a read-only device's push with a 403 that says why, and still lets it pull", async () => {
    const admin = await createWorkspace(relay.url);
    const temp = await joinAs(admin, 'read_only', 'Tess');
    const refused = await push(temp.deviceToken);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'forbidden' });
    expect(refused.body.error.message).toMatch(/read-only member/);
    expect((await push(admin.deviceToken)).status).toBe(200);
    const pulled = await call(relay.url, 'GET', '/v1/pull?after=0', { token: temp.deviceToken });
    expect(pulled.status).toBe(200);
    expect(pulled.body.changes).toHaveLength(1);
    expect(pulled.body.role).toBe('read_only');
  });

  it('lets an admin change a role, which the next pull reports and the next push obeys', async () => {
    const admin = await createWorkspace(relay.url);
    const ben = await joinAs(admin, 'member', 'Ben');
    expect((await push(ben.deviceToken)).status).toBe(200);
    const demoted = await call(relay.url, 'POST', `/v1/members/${ben.memberId}/role`, { token: admin.deviceToken, body: { role: 'read_only' } });
    expect(demoted.status).toBe(200);
    expect((await call(relay.url, 'GET', '/v1/pull?after=0', { token: ben.deviceToken })).body.role).toBe('read_only');
    expect((await push(ben.deviceToken)).status).toBe(403);
    await call(relay.url, 'POST', `/v1/members/${ben.memberId}/role`, { token: admin.deviceToken, body: { role: 'member' } });
    expect((await push(ben.deviceToken)).status).toBe(200);
  });

  it('lets only admins invite or change roles, and never leaves a workspace without an admin', async () => {
    const admin = await createWorkspace(relay.url);
    const ben = await joinAs(admin, 'member', 'Ben');
    const temp = await joinAs(admin, 'read_only', 'Tess');
    for (const token of [ben.deviceToken, temp.deviceToken]) {
      expect((await call(relay.url, 'POST', '/v1/invites', { token, body: {} })).status).toBe(403);
      expect((await call(relay.url, 'POST', `/v1/members/${ben.memberId}/role`, { token, body: { role: 'admin' } })).status).toBe(403);
    }
    const info = WorkspaceInfoSchema.parse((await call(relay.url, 'GET', '/v1/workspace', { token: admin.deviceToken })).body);
    const self = await call(relay.url, 'POST', `/v1/members/${info.you.memberId}/role`, { token: admin.deviceToken, body: { role: 'member' } });
    expect(self.status).toBe(400);
    expect(self.body.error.message).toMatch(/only admin/);
    const bad = await call(relay.url, 'POST', `/v1/members/${ben.memberId}/role`, { token: admin.deviceToken, body: { role: 'owner' } });
    expect(bad.status).toBe(400);
  });
});

describe('erasures at the relay', () => {
  it("refuses an erasure from a member's device, so only an admin can forget a person", async () => {
    const admin = await createWorkspace(relay.url);
    const ben = await joinAs(admin, 'member', 'Ben');
    const contact = wireChange({ tableName: 'contacts', rowId: 'contact-1', fields: { name: 'Rosa Diaz' } });
    expect((await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: [contact] } })).status).toBe(200);
    const erasure = wireChange({ tableName: 'erasures', rowId: 'erasure-1', fields: { rows: JSON.stringify([{ table: 'contacts', rowId: 'contact-1' }]), erased_at: Date.now(), erased_by: 'Ben' } });
    const refused = await call(relay.url, 'POST', '/v1/push', { token: ben.deviceToken, body: { changes: [erasure] } });
    expect(refused.body.refused).toEqual([{ changeId: erasure.changeId, reason: expect.stringMatching(/only an admin/) }]);
    const pulled = await call(relay.url, 'GET', '/v1/pull?after=0', { token: ben.deviceToken });
    expect(pulled.body.changes.map((entry: { change: { rowId: string } }) => entry.change.rowId)).toEqual(['contact-1']);

    const accepted = await call(relay.url, 'POST', '/v1/push', { token: admin.deviceToken, body: { changes: [{ ...erasure, changeId: `${erasure.changeId}-admin` }] } });
    expect(accepted.body.refused).toEqual([]);
    const after = await call(relay.url, 'GET', '/v1/pull?after=0', { token: ben.deviceToken });
    expect(JSON.stringify(after.body)).not.toContain('Rosa Diaz');
    const stale = await call(relay.url, 'POST', '/v1/push', { token: ben.deviceToken, body: { changes: [wireChange({ tableName: 'notes', rowId: 'note-9', fields: { contact_id: 'contact-1', body: 'Rosa again' } })] } });
    expect(stale.body.refused).toEqual([{ changeId: expect.any(String), reason: expect.stringMatching(/erased when the person was forgotten/) }]);
  });
});
