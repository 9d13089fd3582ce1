import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { relayRoutes, type PullResponse } from '../../src-shared/sync/protocol';
import type { RelayTransaction } from '../db/open';
import { changes, rowState } from '../db/schema';
import { invalidInput, parseInput } from '../http';
import { withoutRefusedChanges } from '../row-repair';
import type { Route } from './types';

// GET /v1/pull and GET /v1/snapshot. Each page is read in one REPEATABLE READ transaction, so
// the changes or rows and the sequence numbers reported with them come from one snapshot.

const readSnapshot = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;

async function sequenceBounds(tx: RelayTransaction, workspaceId: string): Promise<{ oldestSeq: number; newestSeq: number }> {
  const [bounds] = await tx
    .select({
      oldestSeq: sql<number>`coalesce(min(${changes.workspaceSeq}), 0)`.mapWith(Number),
      newestSeq: sql<number>`coalesce(max(${changes.workspaceSeq}), 0)`.mapWith(Number),
    })
    .from(changes)
    .where(eq(changes.workspaceId, workspaceId));
  return bounds ?? { oldestSeq: 0, newestSeq: 0 };
}

export const pullRoute: Route = {
  ...relayRoutes.pull,
  access: 'device',
  async handle({ db, metrics, caller, query }): Promise<PullResponse> {
    const { after, limit } = parseInput(relayRoutes.pull.query, Object.fromEntries(query));
    const page = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(changes)
        .where(and(eq(changes.workspaceId, caller.workspaceId), gt(changes.workspaceSeq, after)))
        .orderBy(asc(changes.workspaceSeq))
        .limit(limit + 1);
      return { rows, ...(await sequenceBounds(tx, caller.workspaceId)) };
    }, readSnapshot);
    metrics.pulls.add();
    return {
      changes: page.rows.slice(0, limit).map((row) => ({
        seq: row.workspaceSeq,
        change: {
          changeId: row.changeId,
          hlc: row.hlc,
          tableName: row.payload.tableName,
          rowId: row.payload.rowId,
          fields: row.payload.fields,
          schemaVersion: row.schemaVersion,
          deviceId: row.deviceId,
          author: row.payload.author,
        },
      })),
      newestSeq: page.newestSeq,
      oldestSeq: page.oldestSeq,
      hasMore: page.rows.length > limit,
      role: caller.role,
    };
  },
};

// The page token is `<cursor>:<table>:<row id>`. The cursor is the workspace's newest seq when
// the FIRST page was read, carried through the later pages: a change committed between two pages
// may touch a row on an earlier page, so only the first page's seq is safe to pull from (rows on
// later pages may already include changes after it; applying those again is a no-op).
const pageTokenPattern = /^(\d{1,18}):([a-z_][a-z0-9_]{0,62}):(.+)$/s;

export const snapshotRoute: Route = {
  ...relayRoutes.snapshot,
  access: 'device',
  async handle({ db, caller, query }) {
    const { after, limit } = parseInput(relayRoutes.snapshot.query, Object.fromEntries(query));
    const token = after === undefined ? undefined : pageTokenPattern.exec(after);
    if (after !== undefined && !token) throw invalidInput('Invalid after: not a page token from a previous snapshot page.');
    const start = token ? { cursor: Number(token[1]), tableName: token[2]!, rowId: token[3]! } : undefined;

    return db.transaction(async (tx) => {
      const cursor = start?.cursor ?? (await sequenceBounds(tx, caller.workspaceId)).newestSeq;
      const rows = await tx
        .select()
        .from(rowState)
        .where(
          and(
            eq(rowState.workspaceId, caller.workspaceId),
            start ? sql`(${rowState.tableName}, ${rowState.rowId}) > (${start.tableName}, ${start.rowId})` : undefined,
          ),
        )
        .orderBy(asc(rowState.tableName), asc(rowState.rowId))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const served = await withoutRefusedChanges(
        tx,
        caller.workspaceId,
        page.map(({ tableName, rowId, fields, clocks, authors }) => ({ tableName, rowId, fields, clocks, authors })),
      );
      return {
        rows: served,
        cursor,
        nextPageAfter: rows.length > limit && last ? `${cursor}:${last.tableName}:${last.rowId}` : null,
      };
    }, readSnapshot);
  },
};
