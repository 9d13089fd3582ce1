import { eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { HybridLogicalClock } from '../../src-shared/hlc';
import { sealRelayWrite } from '../keys/seal-relay-writes';
import { pokeChannel, type RelayDb, type RelayTransaction } from '../db/open';
import { changes, type StoredPayload } from '../db/schema';
import { foldIntoRowState } from '../routes/push';
import { phoneLineAuthor } from './call-facts';

// The relay as a device of its own: what Twilio says becomes change records of the workspace,
// stored in its log exactly as a laptop's push would be (src-relay/routes/push.ts), so laptops
// get them through the ordinary pull and merge. Each relay process has its own device id and
// clock, so two processes never stamp two changes with the same HLC.

export interface RowWrite {
  tableName: string;
  rowId: string;
  fields: Record<string, string | number | null>;
}

export type AppendRows = (rows: readonly RowWrite[]) => void;

/** What a live message carries after the commit, to the workspace's sockets on every process. */
export const liveMessagePayload = (workspaceId: string, message: unknown): string =>
  `${workspaceId}:live.${Buffer.from(JSON.stringify(message)).toString('base64url')}`;

export class RelayAuthor {
  readonly deviceId = `relay.${uuidv7()}`;
  private readonly clock: HybridLogicalClock;

  constructor(
    private readonly db: RelayDb,
    private readonly now: () => number,
    /** Named on every change it stores, as a member's name is on theirs. */
    private readonly author: string = phoneLineAuthor,
  ) {
    this.clock = new HybridLogicalClock(this.deviceId, now);
  }

  /**
   * Sends a live message to every device of the workspace now, on its own: a ringing call must
   * not wait for its row to be written. (Any relay process holding the devices' sockets sends it.)
   */
  async announce(workspaceId: string, message: unknown): Promise<void> {
    await this.db.execute(sql`SELECT pg_notify(${pokeChannel}, ${liveMessagePayload(workspaceId, message)})`);
  }

  /**
   * Runs `work` in one transaction holding the workspace's sequence lock (as a push does), then
   * stores the rows it appended as one change each and pokes the workspace's devices after the
   * commit.
   */
  async transaction<T>(workspaceId: string, work: (tx: RelayTransaction, append: AppendRows) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${workspaceId}, 0))`);
      const rows: RowWrite[] = [];
      const result = await work(tx, (more) => rows.push(...more));
      await this.store(tx, workspaceId, rows);
      return result;
    });
  }

  private async store(tx: RelayTransaction, workspaceId: string, rows: readonly RowWrite[]): Promise<void> {
    const writes = rows.filter((row) => Object.keys(row.fields).length > 0);
    if (writes.length === 0) return;
    const receivedAt = this.now();
    // Sealed to the workspace's public key (when it has one): once stored, the relay cannot read it back.
    const seal = await sealRelayWrite(tx, workspaceId);
    const records = writes.map((row) => {
      const hlc = this.clock.tick();
      return { changeId: uuidv7(), hlc, tableName: row.tableName, rowId: row.rowId, fields: seal({ ...row, hlc }), author: this.author };
    });
    // The caller holds the workspace's sequence lock, so the next numbers are ours until commit.
    const [highest] = await tx
      .select({ seq: sql<number>`coalesce(max(${changes.workspaceSeq}), 0)`.mapWith(Number) })
      .from(changes)
      .where(eq(changes.workspaceId, workspaceId));
    const base = highest?.seq ?? 0;
    // Large catch-ups are stored in slices: one statement per thousand changes.
    for (let start = 0; start < records.length; start += 1000) {
      await tx.insert(changes).values(
        records.slice(start, start + 1000).map((record, index) => ({
          workspaceId,
          workspaceSeq: base + start + index + 1,
          changeId: record.changeId,
          deviceId: this.deviceId,
          hlc: record.hlc,
          schemaVersion: 1,
          payload: { tableName: record.tableName, rowId: record.rowId, fields: record.fields, author: record.author } satisfies StoredPayload,
          receivedAt,
        })),
      );
    }
    await foldIntoRowState(tx, workspaceId, records);
    await tx.execute(sql`SELECT pg_notify(${pokeChannel}, ${`${workspaceId}:${base + records.length}`})`);
  }
}
