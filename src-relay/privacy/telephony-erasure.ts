import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { callIdForCallSid } from '../../src-shared/domain/telephony';
import type { ErasedRow } from '../../src-shared/sync/erasure';
import type { RelayTransaction } from '../db/open';
import { telephonyCalls, telephonyRecordings } from '../db/schema';

// The recordings the relay copied from Twilio belong to calls; forgetting a person (or a retention
// rule that erases recordings) must take them too, not only the changes that named them. The
// relay knows a recording by its Twilio call sid, and a laptop knows the call by an id made from
// that sid (callIdForCallSid, one way), so the relay works the ids out from the sids it keeps.

const recordingFields = ['recording_sha256', 'transcript'];

/** Deletes the kept recordings of the calls an erasure names (the whole call, or its recording). */
export async function eraseCallRecordings(tx: RelayTransaction, workspaceId: string, rows: readonly ErasedRow[]): Promise<void> {
  const calls = new Set(rows.filter((row) => row.table === 'calls' && (!row.fields || row.fields.some((field) => recordingFields.includes(field)))).map((row) => row.rowId));
  if (calls.size === 0) return;
  const recordings = await tx
    .select({ recordingSid: telephonyRecordings.recordingSid, callSid: telephonyRecordings.callSid })
    .from(telephonyRecordings)
    .where(eq(telephonyRecordings.workspaceId, workspaceId));
  if (recordings.length === 0) return;
  // A recording may hang off a leg of the call (the bridged dial) rather than the call itself.
  const legs = await tx
    .select({ callSid: telephonyCalls.callSid, parentCallSid: telephonyCalls.parentCallSid })
    .from(telephonyCalls)
    .where(and(eq(telephonyCalls.workspaceId, workspaceId), isNotNull(telephonyCalls.parentCallSid)));
  const parentOf = new Map(legs.map((leg) => [leg.callSid, leg.parentCallSid!]));
  const erased = recordings
    .filter(({ callSid }) => [callSid, parentOf.get(callSid)].some((sid) => sid !== undefined && calls.has(callIdForCallSid(sid))))
    .map((recording) => recording.recordingSid);
  for (let start = 0; start < erased.length; start += 1000) {
    await tx
      .delete(telephonyRecordings)
      .where(and(eq(telephonyRecordings.workspaceId, workspaceId), inArray(telephonyRecordings.recordingSid, erased.slice(start, start + 1000))));
  }
}
