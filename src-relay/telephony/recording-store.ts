import { and, eq } from 'drizzle-orm';
import type { RelayDb } from '../db/open';
import { telephonyRecordings } from '../db/schema';

// Where the relay keeps the recordings it copied from Twilio, by SHA-256 as Fieldbook keeps
// every file. For now the bytes live in the relay's database (one table, so every relay process
// behind a load balancer sees them); when the relay's blob store serves files, an implementation
// of this interface over it replaces this one and nothing else changes.

export interface StoredRecording {
  sha256: string;
  sizeBytes: number;
}

export interface RecordingStore {
  /** The copy of a Twilio recording already kept, if any: a repeated callback copies nothing. */
  find(workspaceId: string, recordingSid: string): Promise<StoredRecording | undefined>;
  /** `sha256` names the recording's plain bytes; `bytes` is what is kept (sealed to the workspace's key once it has one). */
  put(input: { workspaceId: string; recordingSid: string; callSid: string; sha256: string; bytes: Buffer; mimeType: string }): Promise<StoredRecording>;
  open(workspaceId: string, sha256: string): Promise<{ bytes: Buffer; mimeType: string } | undefined>;
  markDeletedAtTwilio(workspaceId: string, recordingSid: string): Promise<void>;
}

export function databaseRecordingStore(db: RelayDb, now: () => number): RecordingStore {
  return {
    async find(workspaceId, recordingSid) {
      const [row] = await db
        .select({ sha256: telephonyRecordings.sha256, bytes: telephonyRecordings.bytes })
        .from(telephonyRecordings)
        .where(and(eq(telephonyRecordings.workspaceId, workspaceId), eq(telephonyRecordings.recordingSid, recordingSid)));
      return row ? { sha256: row.sha256, sizeBytes: row.bytes.length } : undefined;
    },
    async put({ workspaceId, recordingSid, callSid, sha256, bytes, mimeType }) {
      await db
        .insert(telephonyRecordings)
        .values({ workspaceId, recordingSid, callSid, sha256, mimeType, bytes, storedAt: now() })
        .onConflictDoNothing();
      return { sha256, sizeBytes: bytes.length };
    },
    async open(workspaceId, sha256) {
      const [row] = await db
        .select({ bytes: telephonyRecordings.bytes, mimeType: telephonyRecordings.mimeType })
        .from(telephonyRecordings)
        .where(and(eq(telephonyRecordings.workspaceId, workspaceId), eq(telephonyRecordings.sha256, sha256)))
        .limit(1);
      return row;
    },
    async markDeletedAtTwilio(workspaceId, recordingSid) {
      await db
        .update(telephonyRecordings)
        .set({ deletedAtTwilioAt: now() })
        .where(and(eq(telephonyRecordings.workspaceId, workspaceId), eq(telephonyRecordings.recordingSid, recordingSid)));
    },
  };
}
