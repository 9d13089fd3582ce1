import { and, eq, sql } from 'drizzle-orm';
import {
  maxCarriedBytes,
  maxCarriedChanges,
  maxClockAheadMs,
  relayRoutes,
  type CarryingPoke,
  type WireChange,
} from '../../src-shared/sync/protocol';
import { pokeChannel, type RelayTransaction } from '../db/open';
import { changes, rowState, type StoredPayload } from '../db/schema';
import { findUnstorableText, invalidInput, parseInput, RelayHttpError } from '../http';
import { checkChangeAtRelay } from '../keys/verdict';
import { plainValueRefusal, workspaceHasKey } from '../keys/plain-values';
import { earlierTagIdRefusal, namesTagTheEarlierWay, workspaceHasKeyedTagIds } from '../keys/earlier-row-ids';
import { emptyRowState, foldChange, type RowState } from '../../src-shared/sync/merge';
import type { Route } from './types';
import { applyErasures } from '../privacy/erasures';

// POST /v1/push: stores a batch of changes in the workspace's log, idempotently by change id,
// folds the new ones into row_state for bootstrap snapshots, and pokes live devices (a small
// push's poke carries its changes).

const rowKey = (tableName: string, rowId: string) => `${tableName}\u0000${rowId}`;

/** "12 minutes", "3 hours", "2 days": how far ahead a clock is, in words for the user. */
export function describeDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hours`;
  return `${Math.round(hours / 24)} days`;
}

/** Why the relay will not store this change, or null. */
function refusalOf(change: WireChange, sealedWorkspace: boolean, keyedTagIds: boolean): string | null {
  const plainValues = sealedWorkspace ? plainValueRefusal(change) : null;
  if (plainValues) return plainValues;
  if (keyedTagIds && namesTagTheEarlierWay(change)) return earlierTagIdRefusal;
  const verdict = checkChangeAtRelay(change);
  if (verdict.kind === 'invalid') return `No laptop can apply it: ${verdict.reason}.`;
  // Tables and columns of newer versions pass unchecked, but still only storable text.
  const unstorable = findUnstorableText({ fields: change.fields, author: change.author, rowId: change.rowId });
  if (unstorable) return `${unstorable} contains a NUL character or a broken Unicode character, which the relay cannot store.`;
  return null;
}

export const pushRoute: Route = {
  ...relayRoutes.push,
  access: 'writer',
  async handle({ db, now, metrics, caller, body }) {
    // The shape of the batch is the protocol's: a batch that is not one is refused whole. Each
    // change is then checked alone against the contract every laptop applies
    // (src-shared/sync/change-contract.ts): one no laptop could store is refused with its reason
    // and never stored, the others are, so one bad change does not hold up the sender's outbox.
    const received = parseInput(relayRoutes.push.body, await body(), { storableText: false }).changes;
    const refused: { changeId: string; reason: string }[] = [];
    const sealedWorkspace = await workspaceHasKey(db, caller.workspaceId);
    // Asked only of a batch with tag rows named the earlier way (laptops of the previous version).
    const keyedTagIds = received.some(namesTagTheEarlierWay) && (await workspaceHasKeyedTagIds(db, caller.workspaceId));
    const batch = received.filter((change) => {
      if (findUnstorableText(change.changeId)) throw invalidInput('Invalid changeId: it contains a NUL character or a broken Unicode character.');
      const reason = refusalOf(change, sealedWorkspace, keyedTagIds);
      if (reason) refused.push({ changeId: change.changeId, reason });
      return reason === null;
    });
    if (refused.length > 0) metrics.changesRefused.add(refused.length);
    if (batch.length === 0) {
      const [newest] = await db
        .select({ seq: sql<number>`coalesce(max(${changes.workspaceSeq}), 0)`.mapWith(Number) })
        .from(changes)
        .where(eq(changes.workspaceId, caller.workspaceId));
      return { acknowledged: [], refused, newestSeq: newest?.seq ?? 0 };
    }

    // A change stamped in the future would win every merge until the real time catches up, so
    // the whole batch is refused (nothing stored) until the laptop's clock is set right.
    const receivedAt = now();
    const aheadMs = Math.max(...batch.map((change) => Number(change.hlc.slice(0, 15)) - receivedAt));
    if (aheadMs > maxClockAheadMs) {
      throw new RelayHttpError(
        400,
        'clock_ahead',
        `This laptop's clock is ${describeDuration(aheadMs)} ahead of the relay's. Set the clock right (automatic time) and sync again.`,
      );
    }

    const unique = [...new Map(batch.map((change) => [change.changeId, change])).values()];
    const { stored, newestSeq } = await db.transaction(async (tx) => {
      // Sequence numbers are taken when a row is inserted, but become visible when the
      // transaction commits. Two concurrent pushes to one workspace could take seq 7 and 8 and
      // commit 8 first; a device pulling in between would move its cursor to 8 and never see 7.
      // Holding this lock from before the insert until the commit makes sequence order equal
      // commit order within a workspace (other workspaces are not held up; a hash collision
      // between two workspace ids only serialises them).
      // The lock also makes the workspace's next numbers ours until the commit.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${caller.workspaceId}, 0))`);
      const already = await tx
        .select({ changeId: changes.changeId })
        .from(changes)
        .where(and(eq(changes.workspaceId, caller.workspaceId), sql`${changes.changeId} = ANY(${sql.param(unique.map((change) => change.changeId))}::text[])`));
      const known = new Set(already.map((row) => row.changeId));
      const fresh = unique.filter((change) => !known.has(change.changeId));
      await applyErasures(tx, caller, fresh, refused, receivedAt);
      const [highest] = await tx
        .select({ seq: sql<number>`coalesce(max(${changes.workspaceSeq}), 0)`.mapWith(Number) })
        .from(changes)
        .where(eq(changes.workspaceId, caller.workspaceId));
      const base = highest?.seq ?? 0;
      const inserted = fresh.length === 0 ? [] : await tx
        .insert(changes)
        .values(
          fresh.map((change, index) => ({
            workspaceId: caller.workspaceId,
            workspaceSeq: base + index + 1,
            changeId: change.changeId,
            // The pushing device, from its token; whatever the payload claims is ignored.
            deviceId: caller.deviceId,
            hlc: change.hlc,
            schemaVersion: change.schemaVersion,
            payload: {
              tableName: change.tableName,
              rowId: change.rowId,
              fields: change.fields,
              author: change.author,
            } satisfies StoredPayload,
            receivedAt,
          })),
        )
        .returning({ changeId: changes.changeId });

      // Only newly stored changes are folded in (folding one twice would be harmless anyway).
      await foldIntoRowState(tx, caller.workspaceId, fresh);
      const newestSeq = base + inserted.length;
      // Delivered by PostgreSQL (and PGlite) only when this transaction commits: never a poke
      // for changes a puller cannot see yet. Every relay process on the database receives it.
      // A small push travels in its poke (the carrying poke first; the plain one after it is
      // then not sent again, src-relay/live.ts); relay processes of earlier versions ignore the
      // carrying one and send the plain poke.
      if (inserted.length > 0) {
        const carrying = carryingPoke(caller.deviceId, fresh, base, newestSeq);
        if (carrying) await tx.execute(sql`SELECT pg_notify(${pokeChannel}, ${`${caller.workspaceId}:${carrying}`})`);
        await tx.execute(sql`SELECT pg_notify(${pokeChannel}, ${`${caller.workspaceId}:${newestSeq}`})`);
      }
      return { stored: inserted.length, newestSeq };
    });

    metrics.pushes.add();
    metrics.changesStored.add(stored);
    return { acknowledged: batch.map((change) => change.changeId), refused, newestSeq };
  },
};

/**
 * The notification of a poke carrying the newly stored changes exactly as a pull returns them
 * (src-relay/routes/pull.ts; the device from the token), or null when they are too many or too
 * large for one: `carried.<newestSeq>.<the poke as base64url JSON>`, well inside the 8000 bytes
 * PostgreSQL allows a notification.
 */
function carryingPoke(deviceId: string, fresh: readonly WireChange[], base: number, newestSeq: number): string | null {
  if (fresh.length > maxCarriedChanges) return null;
  const poke: CarryingPoke = {
    type: 'poke',
    newestSeq,
    changes: fresh.map((change, index) => ({
      seq: base + index + 1,
      change: {
        changeId: change.changeId,
        hlc: change.hlc,
        tableName: change.tableName,
        rowId: change.rowId,
        fields: change.fields,
        schemaVersion: change.schemaVersion,
        deviceId,
        author: change.author,
      },
    })),
  };
  const json = JSON.stringify(poke);
  if (Buffer.byteLength(json) > maxCarriedBytes) return null;
  return `carried.${newestSeq}.${Buffer.from(json).toString('base64url')}`;
}

/** Also used by the relay's own writes (src-relay/telephony/relay-author.ts). */
export async function foldIntoRowState(
  tx: RelayTransaction,
  workspaceId: string,
  fresh: { tableName: string; rowId: string; hlc: string; fields: RowState['fields']; author: string; schemaVersion?: number }[],
): Promise<void> {
  if (fresh.length === 0) return;
  const keys = [...new Map(fresh.map((change) => [rowKey(change.tableName, change.rowId), change])).values()];
  // Two array parameters rather than a list of (table, row) pairs: PGlite 0.5 aborts (WASM) at
  // the commit of a transaction that ran an IN list of a few hundred row constructors.
  const tableNames = sql.param(keys.map((change) => change.tableName));
  const rowIds = sql.param(keys.map((change) => change.rowId));
  const existing = await tx
    .select()
    .from(rowState)
    .where(
      and(
        eq(rowState.workspaceId, workspaceId),
        sql`(${rowState.tableName}, ${rowState.rowId}) IN (SELECT * FROM unnest(${tableNames}::text[], ${rowIds}::text[]))`,
      ),
    );
  const states = new Map<string, RowState>(
    existing.map((row) => [rowKey(row.tableName, row.rowId), { fields: row.fields, clocks: row.clocks, authors: row.authors }]),
  );
  for (const change of fresh) {
    const key = rowKey(change.tableName, change.rowId);
    states.set(key, foldChange(states.get(key) ?? emptyRowState(), change));
  }
  await tx
    .insert(rowState)
    .values(
      keys.map((change) => {
        const state = states.get(rowKey(change.tableName, change.rowId))!;
        return { workspaceId, tableName: change.tableName, rowId: change.rowId, ...state };
      }),
    )
    .onConflictDoUpdate({
      target: [rowState.workspaceId, rowState.tableName, rowState.rowId],
      set: { fields: sql`excluded.fields`, clocks: sql`excluded.clocks`, authors: sql`excluded.authors` },
    });
}
