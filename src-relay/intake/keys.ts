import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { apiKeyPrefix, apiKeyRoutes, NewApiKeyRequestSchema, type ApiKey } from '../../src-shared/domain/intake';
import { sha256Hex } from '../auth';
import type { RelayDb } from '../db/open';
import { apiKeys, workspaces } from '../db/schema';
import { notFound, parseInput } from '../http';
import type { Route } from '../routes/types';

// Workspace API keys: made, listed and revoked by admins from a laptop; used by other tools on
// the intake API. Like device tokens, a key is 256 random bits and only its SHA-256 is stored, so
// it is shown once, when it is made.

export interface KeyHolder {
  keyId: string;
  keyName: string;
  region: string;
  workspaceId: string;
  workspaceName: string;
}

const toApiKey = (row: typeof apiKeys.$inferSelect): ApiKey => ({
  id: row.id,
  name: row.name,
  hint: row.hint,
  region: row.region,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
});

// last_used_at is written at most this often per key.
const lastUsedResolutionMs = 60_000;

/** The workspace of a live key, or undefined for an unknown or revoked one. */
export async function keyHolder(db: RelayDb, key: string, now: number): Promise<KeyHolder | undefined> {
  const [found] = await db
    .select({ keyId: apiKeys.id, keyName: apiKeys.name, region: apiKeys.region, workspaceId: apiKeys.workspaceId, workspaceName: workspaces.name })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .where(and(eq(apiKeys.keyHash, sha256Hex(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!found) return undefined;
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, found.keyId), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, now - lastUsedResolutionMs))));
  return found;
}

export function apiKeyManagementRoutes(db: RelayDb): Route[] {
  const liveKeys = (workspaceId: string) =>
    db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
      .orderBy(desc(apiKeys.createdAt));
  return [
    {
      ...apiKeyRoutes.list,
      access: 'admin',
      async handle(context) {
        return { keys: (await liveKeys(context.caller.workspaceId)).map(toApiKey) };
      },
    },
    {
      ...apiKeyRoutes.create,
      access: 'admin',
      async handle(context) {
        const input = parseInput(NewApiKeyRequestSchema, await context.body());
        const secret = `${apiKeyPrefix}${randomBytes(32).toString('base64url')}`;
        const row = {
          id: uuidv7(),
          workspaceId: context.caller.workspaceId,
          name: input.name,
          keyHash: sha256Hex(secret),
          hint: `${secret.slice(0, apiKeyPrefix.length + 4)}…`,
          region: input.region,
          createdBy: context.caller.memberName,
          createdAt: context.now(),
          lastUsedAt: null,
          revokedAt: null,
        };
        await db.insert(apiKeys).values(row);
        return { key: toApiKey(row), secret };
      },
    },
    {
      ...apiKeyRoutes.revoke,
      access: 'admin',
      async handle(context) {
        const revoked = await db
          .update(apiKeys)
          .set({ revokedAt: context.now() })
          .where(and(eq(apiKeys.id, context.params.id!), eq(apiKeys.workspaceId, context.caller.workspaceId), isNull(apiKeys.revokedAt)))
          .returning({ id: apiKeys.id });
        if (revoked.length === 0) throw notFound('There is no such API key in this workspace, or it was already revoked.');
        return { ok: true as const };
      },
    },
  ];
}
