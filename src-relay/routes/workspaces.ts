import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { relayRoutes, type DeviceCredentials, type WorkspaceInfo } from '../../src-shared/sync/protocol';
import { inviteLifetimeMs, newDeviceToken, newInviteCode, normaliseInviteCode, sha256Hex } from '../auth';
import type { RelayTransaction } from '../db/open';
import { devices, invites, members, workspaces } from '../db/schema';
import { invalidInput, notFound, parseInput } from '../http';
import type { Route } from './types';
import type { WorkspaceRole } from '../../src-shared/sync/roles';

// Sign-up, invites, joining and access management. Every query that names a member or device is
// scoped to the caller's workspace, so an id from another workspace is simply not found.

async function addMemberWithDevice(
  tx: RelayTransaction,
  workspace: { id: string; name: string },
  member: { name: string; role: WorkspaceRole },
  deviceName: string,
  now: number,
): Promise<DeviceCredentials> {
  const memberId = uuidv7();
  const deviceId = uuidv7();
  const deviceToken = newDeviceToken();
  // One UPDATE claims the next number: two devices joining at once are serialised on the row.
  const [numbered] = await tx
    .update(workspaces)
    .set({ devicesNumbered: sql`${workspaces.devicesNumbered} + 1` })
    .where(eq(workspaces.id, workspace.id))
    .returning({ number: workspaces.devicesNumbered });
  const deviceNumber = numbered!.number;
  await tx.insert(members).values({ id: memberId, workspaceId: workspace.id, name: member.name, role: member.role, createdAt: now });
  await tx.insert(devices).values({
    id: deviceId,
    workspaceId: workspace.id,
    memberId,
    name: deviceName,
    tokenHash: sha256Hex(deviceToken),
    createdAt: now,
    lastSeenAt: now,
    number: deviceNumber,
  });
  return {
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    memberId,
    memberName: member.name,
    role: member.role,
    deviceId,
    deviceNumber,
    deviceToken,
  };
}

/** A workspace is never left without an admin (nobody could then manage it). */
async function refuseLastAdmin(tx: RelayTransaction, workspaceId: string, memberId: string): Promise<void> {
  const [otherAdmin] = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.role, 'admin'), isNull(members.removedAt), ne(members.id, memberId)))
    .limit(1);
  if (!otherAdmin) throw invalidInput('This is the only admin of the workspace; a workspace cannot be left without one.');
}

function numberOf(device: { number: number | null } | undefined): { deviceNumber?: number } {
  return device?.number ? { deviceNumber: device.number } : {};
}

export const workspaceRoutes: Route[] = [
  {
    ...relayRoutes.createWorkspace,
    access: 'public',
    rateLimited: true,
    async handle({ db, now, body }) {
      const input = parseInput(relayRoutes.createWorkspace.body, await body());
      const workspace = { id: uuidv7(), name: input.workspaceName };
      const at = now();
      return db.transaction(async (tx) => {
        await tx.insert(workspaces).values({ ...workspace, createdAt: at });
        return addMemberWithDevice(tx, workspace, { name: input.memberName, role: 'admin' }, input.deviceName, at);
      });
    },
  },
  {
    ...relayRoutes.invite,
    access: 'admin',
    async handle({ db, now, caller, body }) {
      const { role } = parseInput(relayRoutes.invite.body, await body());
      const inviteCode = newInviteCode();
      const at = now();
      const expiresAt = at + inviteLifetimeMs;
      await db.insert(invites).values({
        id: uuidv7(),
        workspaceId: caller.workspaceId,
        codeHash: sha256Hex(inviteCode),
        createdBy: caller.memberId,
        createdAt: at,
        expiresAt,
        role,
      });
      return { inviteCode, expiresAt, role };
    },
  },
  {
    ...relayRoutes.join,
    access: 'public',
    rateLimited: true,
    async handle({ db, now, body }) {
      const input = parseInput(relayRoutes.join.body, await body());
      const at = now();
      return db.transaction(async (tx) => {
        // One statement claims the code: of two joins racing on it, the second updates nothing.
        const [claimed] = await tx
          .update(invites)
          .set({ usedAt: at })
          .where(
            and(
              eq(invites.codeHash, sha256Hex(normaliseInviteCode(input.inviteCode))),
              isNull(invites.usedAt),
              gt(invites.expiresAt, at),
            ),
          )
          .returning({ id: invites.id, workspaceId: invites.workspaceId, role: invites.role });
        if (!claimed) throw notFound('This invite code is unknown, already used or expired. Ask your admin for a new one.');
        const [workspace] = await tx
          .select({ id: workspaces.id, name: workspaces.name })
          .from(workspaces)
          .where(eq(workspaces.id, claimed.workspaceId));
        if (!workspace) throw notFound('The workspace of this invite no longer exists.');
        const credentials = await addMemberWithDevice(tx, workspace, { name: input.memberName, role: claimed.role }, input.deviceName, at);
        await tx.update(invites).set({ usedBy: credentials.memberId }).where(eq(invites.id, claimed.id));
        return credentials;
      });
    },
  },
  {
    ...relayRoutes.workspace,
    access: 'device',
    async handle({ db, caller }): Promise<WorkspaceInfo> {
      const [memberRows, deviceRows] = await Promise.all([
        db.select().from(members).where(eq(members.workspaceId, caller.workspaceId)).orderBy(members.createdAt, members.id),
        db.select().from(devices).where(eq(devices.workspaceId, caller.workspaceId)).orderBy(devices.createdAt, devices.id),
      ]);
      return {
        workspace: { id: caller.workspaceId, name: caller.workspaceName },
        you: {
          memberId: caller.memberId,
          deviceId: caller.deviceId,
          role: caller.role,
          ...numberOf(deviceRows.find((device) => device.id === caller.deviceId)),
        },
        members: memberRows.map((member) => ({ id: member.id, name: member.name, role: member.role, removed: member.removedAt !== null })),
        devices: deviceRows.map((device) => ({
          id: device.id,
          memberId: device.memberId,
          name: device.name,
          revoked: device.revokedAt !== null,
          lastSeenAt: device.lastSeenAt,
        })),
      };
    },
  },
  {
    ...relayRoutes.revokeDevice,
    access: 'admin',
    async handle({ db, now, caller, params, body, accessChanged }) {
      await body();
      const inWorkspace = and(eq(devices.id, params.id!), eq(devices.workspaceId, caller.workspaceId));
      const [device] = await db.select({ revokedAt: devices.revokedAt }).from(devices).where(inWorkspace);
      if (!device) throw notFound('There is no device with that id in this workspace.');
      // Revoking twice is not an error: the device stays revoked from the first time.
      await db.update(devices).set({ revokedAt: now() }).where(and(inWorkspace, isNull(devices.revokedAt)));
      await accessChanged(caller.workspaceId);
      return { ok: true } as const;
    },
  },
  {
    ...relayRoutes.removeMember,
    access: 'admin',
    async handle({ db, now, caller, params, body, accessChanged }) {
      await body();
      const at = now();
      await db.transaction(async (tx) => {
        const [member] = await tx
          .select()
          .from(members)
          .where(and(eq(members.id, params.id!), eq(members.workspaceId, caller.workspaceId)));
        if (!member) throw notFound('There is no member with that id in this workspace.');
        if (member.removedAt !== null) return;
        if (member.role === 'admin') await refuseLastAdmin(tx, caller.workspaceId, member.id);
        await tx.update(members).set({ removedAt: at }).where(eq(members.id, member.id));
        await tx.update(devices).set({ revokedAt: at }).where(and(eq(devices.memberId, member.id), isNull(devices.revokedAt)));
      });
      await accessChanged(caller.workspaceId);
      return { ok: true } as const;
    },
  },
  {
    ...relayRoutes.setMemberRole,
    access: 'admin',
    async handle({ db, caller, params, body, accessChanged }) {
      const { role } = parseInput(relayRoutes.setMemberRole.body, await body());
      await db.transaction(async (tx) => {
        const [member] = await tx
          .select()
          .from(members)
          .where(and(eq(members.id, params.id!), eq(members.workspaceId, caller.workspaceId), isNull(members.removedAt)));
        if (!member) throw notFound('There is no member with that id in this workspace.');
        if (member.role === role) return;
        if (member.role === 'admin') await refuseLastAdmin(tx, caller.workspaceId, member.id);
        await tx.update(members).set({ role }).where(eq(members.id, member.id));
      });
      // The member's laptops hear of it at their next pull (the pull answer carries the role).
      await accessChanged(caller.workspaceId);
      return { ok: true } as const;
    },
  },
];
