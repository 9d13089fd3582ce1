import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RelayTransaction } from '../db/open';
import { telephonyCalls } from '../db/schema';
import { callRowFields, callRowId, changedFields, mergeFacts, type CallFacts, type CallRowFields } from './call-facts';
import type { AppendRows } from './relay-author';
import { privateRowFields, readStoredFacts, storedFacts, withoutPrivateFacts, withoutPrivateRowFields, type StoredFacts } from './private-facts';

// Call legs as the relay keeps them (telephony_calls), and the one way facts reach the workspace:
// merge, compute the call row, write only what changed. Must run inside RelayAuthor.transaction,
// whose workspace lock makes the read-merge-write of one call safe against a concurrent callback.
// The caller's number and the transcript go into the change only, sealed: never into
// telephony_calls (private-facts.ts).

export interface RecordedCall {
  /** True when this was the first the relay heard of the call. */
  created: boolean;
  /** True when the call's row changed (a change was appended). */
  changed: boolean;
  facts: CallFacts;
}

interface StoredLeg extends StoredFacts {
  written: CallRowFields;
}

export async function readLegs(tx: RelayTransaction, workspaceId: string, callSids: readonly string[]): Promise<Map<string, StoredLeg>> {
  const legs = new Map<string, StoredLeg>();
  for (let start = 0; start < callSids.length; start += 1000) {
    const rows = await tx
      .select()
      .from(telephonyCalls)
      .where(and(eq(telephonyCalls.workspaceId, workspaceId), inArray(telephonyCalls.callSid, callSids.slice(start, start + 1000) as string[])));
    for (const row of rows) legs.set(row.callSid, { ...readStoredFacts(row.facts), written: withoutPrivateRowFields(row.written) });
  }
  return legs;
}

export interface FactsUpdate {
  callSid: string;
  facts: CallFacts;
}

/**
 * Merges each update into its call and appends one change per call whose row changed. Many at
 * once for the catch-up (one read and one upsert per slice); webhooks pass one.
 */
export async function recordCallFacts(
  tx: RelayTransaction,
  append: AppendRows,
  workspaceId: string,
  updates: readonly FactsUpdate[],
  now: number,
): Promise<Map<string, RecordedCall>> {
  const legs = await readLegs(tx, workspaceId, [...new Set(updates.map((update) => update.callSid))]);
  const results = new Map<string, RecordedCall>();
  const touched = new Map<string, StoredLeg>();
  for (const { callSid, facts: update } of updates) {
    const stored = touched.get(callSid) ?? legs.get(callSid);
    const facts = mergeFacts(stored?.facts ?? {}, withoutPrivateFacts(update));
    const createdAt = typeof stored?.written.created_at === 'number' ? stored.written.created_at : now;
    const publicDiff = changedFields(stored?.written ?? {}, withoutPrivateRowFields(callRowFields(callSid, facts, createdAt)));
    const stated = privateRowFields(update, stored?.heard ?? [], stored === undefined);
    touched.set(callSid, { facts, heard: stated.heard, written: { ...(stored?.written ?? {}), ...publicDiff } });
    const diff = { ...publicDiff, ...stated.fields };
    const changed = Object.keys(diff).length > 0;
    const previous = results.get(callSid);
    results.set(callSid, { created: previous?.created ?? !legs.has(callSid), changed: (previous?.changed ?? false) || changed, facts: { ...facts, ...update } });
    if (changed) append([{ tableName: 'calls', rowId: callRowId(callSid), fields: diff }]);
  }
  const values = [...touched].map(([callSid, leg]) => ({ workspaceId, callSid, parentCallSid: null, facts: storedFacts(leg), written: leg.written, updatedAt: now }));
  for (let start = 0; start < values.length; start += 500) {
    await tx
      .insert(telephonyCalls)
      .values(values.slice(start, start + 500))
      .onConflictDoUpdate({
        target: [telephonyCalls.workspaceId, telephonyCalls.callSid],
        set: { facts: sqlExcluded('facts'), written: sqlExcluded('written'), updatedAt: sqlExcluded('updated_at') },
      });
  }
  return results;
}

/**
 * A child leg (one of the phones the call rang) folds into its parent: the parent is answered
 * once a child is, and talks as long as the child did. The child itself is kept, never a call row.
 */
export async function recordChildLeg(
  tx: RelayTransaction,
  append: AppendRows,
  workspaceId: string,
  leg: { callSid: string; parentCallSid: string; status: string; durationSeconds?: number },
  now: number,
): Promise<void> {
  const facts: CallFacts = { legStatus: leg.status, ...(leg.durationSeconds !== undefined ? { legDuration: leg.durationSeconds } : {}) };
  const existing = (await readLegs(tx, workspaceId, [leg.callSid])).get(leg.callSid);
  const merged = storedFacts({ facts: mergeFacts(existing?.facts ?? {}, facts), heard: existing?.heard ?? [] });
  await tx
    .insert(telephonyCalls)
    .values({ workspaceId, callSid: leg.callSid, parentCallSid: leg.parentCallSid, facts: merged, written: {}, updatedAt: now })
    .onConflictDoUpdate({ target: [telephonyCalls.workspaceId, telephonyCalls.callSid], set: { facts: merged, updatedAt: now } });
  const answered = leg.status === 'in-progress' || leg.status === 'completed';
  if (!answered) return;
  await recordCallFacts(tx, append, workspaceId, [{ callSid: leg.parentCallSid, facts: { answered: true, talkSeconds: leg.durationSeconds ?? 0 } }], now);
}

const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);
