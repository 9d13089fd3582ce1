import type Database from 'better-sqlite3-multiple-ciphers';
import type { Core } from '../../src-main/core/create-core';
import { toChangeRecord, type ChangeRow } from '../../src-main/writes/change-log';
import { maxPushBatch } from '../../src-shared/sync/protocol';
import { sealChanges } from '../../src-main/sync/keys/sealed-changes';
import { limitBySize } from '../../src-main/sync/sync-engine';
import { nowMs } from './stats';

/**
 * Pushes a data folder's contact and tag change records through `seeder` (a device of the
 * workspace, its sync stopped) in batches, sealed and cut to the request size as its own pushes
 * are (the relay keeps no plain value in a workspace with a key), until `limit` records are pushed,
 * all of them are, or `budgetSeconds` has passed. The sync suite's bootstrap and
 * bench/bootstrap-join.ts seed their relay with it.
 */
export async function pushContactChanges(
  seeder: Core,
  source: Database.Database,
  bounds: { limit?: number; budgetSeconds?: number },
): Promise<{ pushed: number; complete: boolean; seconds: number }> {
  const client = seeder.sync.client();
  const read = source.prepare(
    `SELECT seq, change_id, hlc, table_name, row_id, fields, schema_version, device_id, author
     FROM changes WHERE seq > ? AND table_name IN ('contacts', 'contact_tags') ORDER BY seq LIMIT ?`,
  );
  const limit = bounds.limit ?? Number.POSITIVE_INFINITY;
  let afterSeq = 0;
  let pushed = 0;
  let complete = false;
  const start = nowMs();
  while (pushed < limit) {
    const rows = read.all(afterSeq, Math.min(maxPushBatch, limit - pushed)) as ChangeRow[];
    if (rows.length === 0) {
      complete = true;
      break;
    }
    const changes = limitBySize(sealChanges(seeder.sync.keys.sealingKeys(), rows.map((row) => toChangeRecord(row))));
    afterSeq = rows[changes.length - 1]!.seq;
    // Once more if the kept-alive connection was dropped while sealing (a push is idempotent by change id).
    await client.push(changes).catch(() => client.push(changes));
    pushed += changes.length;
    if (bounds.budgetSeconds !== undefined && (nowMs() - start) / 1000 > bounds.budgetSeconds) break;
  }
  return { pushed, complete, seconds: (nowMs() - start) / 1000 };
}
