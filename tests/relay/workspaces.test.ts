import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceCredentialsSchema, InviteResponseSchema, WorkspaceInfoSchema } from '../../src-shared/sync/protocol';
import { devices, invites, members } from '../../src-relay/db/schema';
import type { Relay } from '../../src-relay/server';
import { call, createWorkspace, inviteAndJoin, openTestDatabase, startTestRelay, TestClock, type TestDatabase } from './helpers/relay-harness';

let testDb: TestDatabase;
let relay: Relay;
const clock = new TestClock();

beforeAll(async () => {
  testDb = await openTestDatabase();
  relay = await startTestRelay(testDb.database, { now: clock.now });
}, 120_000);

afterAll(async () => {
  await relay?.close();
  await testDb?.close();
});

describe('workspaces, invites and access', () => {
  it('creates a workspace whose first member is an admin with a device token', async () => {
    const admin = await createWorkspace(relay.url, 'Acme Plumbing', 'Ann');
    expect(DeviceCredentialsSchema.parse(admin)).toMatchObject({ workspaceName: 'Acme Plumbing', memberName: 'Ann', role: 'admin' });
    const [device] = await testDb.database.db.select().from(devices).where(eq(devices.id, admin.deviceId));
    expect(device?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(device?.tokenHash).not.toContain(admin.deviceToken);

    const info = await call(relay.url, 'GET', '/v1/workspace', { token: admin.deviceToken });
    expect(info.status).toBe(200);
    expect(WorkspaceInfoSchema.parse(info.body)).toMatchObject({
      workspace: { id: admin.workspaceId, name: 'Acme Plumbing' },
      you: { memberId: admin.memberId, deviceId: admin.deviceId, role: 'admin' },
      members: [{ id: admin.memberId, name: 'Ann', role: 'admin', removed: false }],
      devices: [{ id: admin.deviceId, memberId: admin.memberId, revoked: false }],
    });
  });

  it('refuses a sign-up with a missing name, naming the field', async () => {
    const answer = await call(relay.url, 'POST', '/v1/workspaces', { body: { workspaceName: ' ', memberName: 'Ann', deviceName: 'Laptop' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid_input' });
    expect(answer.body.error.message).toContain('workspaceName');
  });

  it('joins with a one-time invite code, which then stops working', async () => {
    const admin = await createWorkspace(relay.url);
    const invite = await call(relay.url, 'POST', '/v1/invites', { token: admin.deviceToken, body: {} });
    expect(invite.status).toBe(200);
    const { inviteCode, expiresAt } = InviteResponseSchema.parse(invite.body);
    expect(inviteCode).toMatch(/^[2-9A-HJKMNP-TV-Z]{10}$/);
    expect(expiresAt - clock.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    const [stored] = await testDb.database.db.select().from(invites).where(eq(invites.workspaceId, admin.workspaceId));
    expect(stored?.codeHash).not.toBe(inviteCode);

    // Typed in lower case with a dash, as people do.
    const typed = `${inviteCode.slice(0, 5).toLowerCase()}-${inviteCode.slice(5)}`;
    const joined = await call(relay.url, 'POST', '/v1/join', { body: { inviteCode: typed, memberName: 'Bob', deviceName: 'Bob laptop' } });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ workspaceId: admin.workspaceId, workspaceName: admin.workspaceName, memberName: 'Bob', role: 'member' });

    const again = await call(relay.url, 'POST', '/v1/join', { body: { inviteCode, memberName: 'Eve', deviceName: 'Eve laptop' } });
    expect(again.status).toBe(404);
    expect(again.body.error.message).toMatch(/unknown, already used or expired/);
    const names = (await testDb.database.db.select().from(members).where(eq(members.workspaceId, admin.workspaceId))).map((m) => m.name);
    expect(names.sort()).toEqual(['Ann', 'Bob']);
  });

  it('refuses an invite code after seven days', async () => {
    const admin = await createWorkspace(relay.url);
    const invite = await call(relay.url, 'POST', '/v1/invites', { token: admin.deviceToken, body: {} });
    clock.offsetMs = 7 * 24 * 3600_000 + 1000;
    try {
      const body = { inviteCode: invite.body.inviteCode, memberName: 'Bob', deviceName: 'Laptop' };
      const joined = await call(relay.url, 'POST', '/v1/join', { body });
      expect(joined.status).toBe(404);
    } finally {
      clock.offsetMs = 0;
    }
  });

  it('lets only admins invite, revoke and remove', async () => {
    const admin = await createWorkspace(relay.url);
    const member = await inviteAndJoin(relay.url, admin, 'Bob');
    for (const [path, label] of [
      ['/v1/invites', 'invite'],
      [`/v1/devices/${admin.deviceId}/revoke`, 'revoke'],
      [`/v1/members/${admin.memberId}/remove`, 'remove'],
    ] as const) {
      const answer = await call(relay.url, 'POST', path, { token: member.deviceToken, body: {} });
      expect(answer.status, label).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
    const [adminDevice] = await testDb.database.db.select().from(devices).where(eq(devices.id, admin.deviceId));
    expect(adminDevice?.revokedAt).toBeNull();
  });

  it('refuses a revoked device at once, and keeps its teammates working', async () => {
    const admin = await createWorkspace(relay.url);
    const member = await inviteAndJoin(relay.url, admin, 'Bob');
    expect((await call(relay.url, 'GET', '/v1/workspace', { token: member.deviceToken })).status).toBe(200);

    const revoked = await call(relay.url, 'POST', `/v1/devices/${member.deviceId}/revoke`, { token: admin.deviceToken, body: {} });
    expect(revoked.status).toBe(200);
    const refused = await call(relay.url, 'GET', '/v1/pull?after=0', { token: member.deviceToken });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('unauthorized');
    const info = await call(relay.url, 'GET', '/v1/workspace', { token: admin.deviceToken });
    expect(info.body.devices.find((device: { id: string }) => device.id === member.deviceId)).toMatchObject({ revoked: true });
  });

  it('removing a member revokes all their devices', async () => {
    const admin = await createWorkspace(relay.url);
    const member = await inviteAndJoin(relay.url, admin, 'Bob');
    const removed = await call(relay.url, 'POST', `/v1/members/${member.memberId}/remove`, { token: admin.deviceToken, body: {} });
    expect(removed.status).toBe(200);
    expect((await call(relay.url, 'GET', '/v1/workspace', { token: member.deviceToken })).status).toBe(401);
    const [device] = await testDb.database.db.select().from(devices).where(eq(devices.id, member.deviceId));
    expect(device?.revokedAt).not.toBeNull();
    const info = await call(relay.url, 'GET', '/v1/workspace', { token: admin.deviceToken });
    expect(info.body.members.find((m: { id: string }) => m.id === member.memberId)).toMatchObject({ removed: true });
  });

  it('does not let the only admin remove themselves', async () => {
    const admin = await createWorkspace(relay.url);
    const answer = await call(relay.url, 'POST', `/v1/members/${admin.memberId}/remove`, { token: admin.deviceToken, body: {} });
    expect(answer.status).toBe(400);
    expect((await call(relay.url, 'GET', '/v1/workspace', { token: admin.deviceToken })).status).toBe(200);
  });

  it("cannot revoke or remove another workspace's device or member", async () => {
    const adminA = await createWorkspace(relay.url, 'A');
    const adminB = await createWorkspace(relay.url, 'B');
    const memberB = await inviteAndJoin(relay.url, adminB, 'Bea');
    const revoke = await call(relay.url, 'POST', `/v1/devices/${memberB.deviceId}/revoke`, { token: adminA.deviceToken, body: {} });
    const remove = await call(relay.url, 'POST', `/v1/members/${memberB.memberId}/remove`, { token: adminA.deviceToken, body: {} });
    expect([revoke.status, remove.status]).toEqual([404, 404]);
    const [device] = await testDb.database.db.select().from(devices).where(eq(devices.id, memberB.deviceId));
    const [member] = await testDb.database.db.select().from(members).where(eq(members.id, memberB.memberId));
    expect(device?.revokedAt).toBeNull();
    expect(member?.removedAt).toBeNull();
    expect((await call(relay.url, 'GET', '/v1/workspace', { token: memberB.deviceToken })).status).toBe(200);
  });

  it('refuses requests without a known token', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const answer = await call(relay.url, 'GET', '/v1/workspace', token ? { token } : {});
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('unauthorized');
    }
  });
});
