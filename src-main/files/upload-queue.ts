import type { Sqlite } from '../db/open';

// The persistent upload queue (tables blob_uploads and outbox_holds, src-main/db/schema.ts).
// A file attached on this laptop is queued in the same transaction that writes its row, and its
// row is held out of the push (MutationEngine.outbox skips held rows) until the relay has the
// bytes. Releasing the hold and marking the upload done is one transaction, too: a crash leaves
// either a queued upload with its hold, or neither.

export interface QueuedUpload {
  sha256: string;
  sizeBytes: number;
  state: 'queued' | 'done' | 'missing';
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  queuedAt: number;
}

interface UploadRow {
  sha256: string;
  size_bytes: number;
  state: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  queued_at: number;
}

const toUpload = (row: UploadRow): QueuedUpload => ({
  sha256: row.sha256,
  sizeBytes: row.size_bytes,
  state: row.state === 'done' || row.state === 'missing' ? row.state : 'queued',
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  queuedAt: row.queued_at,
});

export class UploadQueue {
  private readonly statements;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly now: () => number,
  ) {
    this.statements = {
      enqueue: sqlite.prepare(
        `INSERT INTO blob_uploads (sha256, size_bytes, state, attempts, next_attempt_at, last_error, queued_at)
         VALUES (?, ?, 'queued', 0, 0, NULL, ?)
         ON CONFLICT (sha256) DO UPDATE SET state = 'queued', attempts = 0, next_attempt_at = 0, last_error = NULL,
           queued_at = CASE WHEN blob_uploads.state = 'queued' THEN blob_uploads.queued_at ELSE excluded.queued_at END`,
      ),
      hold: sqlite.prepare('INSERT OR REPLACE INTO outbox_holds (table_name, row_id, sha256) VALUES (?, ?, ?)'),
      nextDue: sqlite.prepare<[number], UploadRow>(
        `SELECT * FROM blob_uploads WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY queued_at, sha256 LIMIT 1`,
      ),
      nextDueAt: sqlite.prepare<[], { at: number | null }>(`SELECT MIN(next_attempt_at) AS at FROM blob_uploads WHERE state = 'queued'`),
      waiting: sqlite.prepare<[], UploadRow>(`SELECT * FROM blob_uploads WHERE state = 'queued' ORDER BY queued_at, sha256`),
      count: sqlite.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM blob_uploads WHERE state = 'queued'`),
      get: sqlite.prepare<[string], UploadRow>('SELECT * FROM blob_uploads WHERE sha256 = ?'),
      finish: sqlite.prepare(`UPDATE blob_uploads SET state = ?, done_at = ?, last_error = NULL WHERE sha256 = ?`),
      release: sqlite.prepare('DELETE FROM outbox_holds WHERE sha256 = ?'),
      fail: sqlite.prepare(`UPDATE blob_uploads SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE sha256 = ? AND state = 'queued'`),
      retryAll: sqlite.prepare(`UPDATE blob_uploads SET next_attempt_at = 0 WHERE state = 'queued'`),
    };
  }

  /** Queues a blob (again); call inside the transaction that writes the row, with the row to hold. */
  enqueue(sha256: string, sizeBytes: number, hold?: { tableName: string; rowId: string }): void {
    this.statements.enqueue.run(sha256, sizeBytes, this.now());
    if (hold) this.statements.hold.run(hold.tableName, hold.rowId, sha256);
  }

  get(sha256: string): QueuedUpload | undefined {
    const row = this.statements.get.get(sha256);
    return row ? toUpload(row) : undefined;
  }

  /** The oldest upload whose backoff has passed. */
  nextDue(): QueuedUpload | undefined {
    const row = this.statements.nextDue.get(this.now());
    return row ? toUpload(row) : undefined;
  }

  /** How long until the next waiting upload may be tried (0: now), or undefined when none waits. */
  msUntilNextDue(): number | undefined {
    const at = this.statements.nextDueAt.get()?.at;
    return at === null || at === undefined ? undefined : Math.max(0, at - this.now());
  }

  waiting(): QueuedUpload[] {
    return this.statements.waiting.all().map(toUpload);
  }

  waitingCount(): number {
    return this.statements.count.get()?.n ?? 0;
  }

  /** The relay has the bytes: done, and the rows waiting for them may be pushed. */
  markDone(sha256: string): void {
    this.finish(sha256, 'done');
  }

  /** The bytes are gone from this laptop before they were uploaded: let the rows go without them. */
  markMissing(sha256: string): void {
    this.finish(sha256, 'missing');
  }

  recordFailure(sha256: string, message: string, retryInMs: number): void {
    this.statements.fail.run(this.now() + retryInMs, message, sha256);
  }

  /** Every waiting upload may be tried at once (the relay came back, or the user asked). */
  retryAllNow(): void {
    this.statements.retryAll.run();
  }

  private finish(sha256: string, state: 'done' | 'missing'): void {
    this.sqlite.transaction(() => {
      this.statements.finish.run(state, this.now(), sha256);
      this.statements.release.run(sha256);
    })();
  }
}
