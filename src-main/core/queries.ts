import type { ActivityTable } from '../../src-shared/ipc/events';
import { statementCache, type Sqlite } from '../db/open';

/** Which contact or pipeline a written row belongs to (change-events.ts), deleted rows included. */
export function createOwnerLookups(sqlite: Sqlite) {
  // Table names come from a fixed list in change-events.ts, never from input.
  const lookup = statementCache(sqlite);
  return {
    contactOf: (table: ActivityTable, id: string) =>
      (lookup(`SELECT contact_id FROM ${table} WHERE id = ?`).get(id) as { contact_id: string | null } | undefined)?.contact_id ?? null,
    pipelineOf: (table: 'stages' | 'deals', id: string) =>
      (lookup(`SELECT pipeline_id FROM ${table} WHERE id = ?`).get(id) as { pipeline_id: string } | undefined)?.pipeline_id ?? null,
  };
}
