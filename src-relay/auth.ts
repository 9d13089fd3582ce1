import { createHash, randomBytes, randomInt } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { WorkspaceRole } from '../src-shared/sync/roles';
import type { RelayDb } from './db/open';
import { devices, members, workspaces } from './db/schema';

// Device tokens and invite codes. Only their SHA-256 is stored; a token is found by its hash, so
// a lookup leaks nothing useful about other tokens and needs no constant-time comparison.

export interface Caller {
  workspaceId: string;
  workspaceName: string;
  memberId: string;
  memberName: string;
  role: WorkspaceRole;
  deviceId: string;
}

/** 256 random bits, base64url: also a valid WebSocket subprotocol token after `fieldbook.`. */
export const newDeviceToken = (): string => randomBytes(32).toString('base64url');

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

// No 0/O, 1/I/L or U: codes are read aloud and typed from a chat message.
const inviteAlphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const inviteCodeLength = 10;
export const inviteLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export function newInviteCode(): string {
  let code = '';
  for (let index = 0; index < inviteCodeLength; index += 1) code += inviteAlphabet[randomInt(inviteAlphabet.length)];
  return code;
}

/** Forgives case, spaces and dashes, so "abcd-efgh 23" is the same code as "ABCDEFGH23". */
export const normaliseInviteCode = (code: string): string => code.toUpperCase().replace(/[\s-]+/g, '');

// last_seen_at is written at most this often per device, not on every request.
const lastSeenResolutionMs = 60_000;

/**
 * The device, member and workspace of a token, read from the database on every request (no
 * cache), so a revoked device or removed member is refused at once. Undefined when unknown,
 * revoked or removed.
 */
export async function authenticate(db: RelayDb, token: string | undefined, now: number): Promise<Caller | undefined> {
  if (!token) return undefined;
  const [found] = await db
    .select({
      workspaceId: devices.workspaceId,
      workspaceName: workspaces.name,
      memberId: members.id,
      memberName: members.name,
      role: members.role,
      deviceId: devices.id,
    })
    .from(devices)
    .innerJoin(members, eq(members.id, devices.memberId))
    .innerJoin(workspaces, eq(workspaces.id, devices.workspaceId))
    .where(and(eq(devices.tokenHash, sha256Hex(token)), isNull(devices.revokedAt), isNull(members.removedAt)))
    .limit(1);
  if (!found) return undefined;
  await db
    .update(devices)
    .set({ lastSeenAt: now })
    .where(and(eq(devices.id, found.deviceId), or(isNull(devices.lastSeenAt), lt(devices.lastSeenAt, now - lastSeenResolutionMs))));
  return found;
}
