import { AppError } from '../../src-shared/errors';
import { statementCache, type Sqlite } from '../db/open';
import type { MutationEngine, MutationTx } from './mutation-engine';
import type { FieldValues, SyncedTableName } from './synced-tables';

type TableWithCausalLength = Exclude<SyncedTableName, 'contact_tags' | 'deal_stage_events'>;

/**
 * Delete and restore by causal length, the same for every synced table that has one: delete
 * moves `cl` to the next even number, restore to the next odd one; a delete made elsewhere at
 * the same time wins over edits, and only an explicit restore brings a row back.
 */
export function createRowLifecycle({ sqlite, engine }: { sqlite: Sqlite; engine: MutationEngine }) {
  const statement = statementCache(sqlite);
  const causalLength = (table: TableWithCausalLength, id: string): number | undefined =>
    (statement(`SELECT cl FROM ${table} WHERE id = ?`).get(id) as { cl: number } | undefined)?.cl;

  return {
    isAlive(table: TableWithCausalLength, id: string): boolean {
      const cl = causalLength(table, id);
      return cl !== undefined && cl % 2 === 1;
    },

    /** Throws not_found (naming `field`) unless the row exists and is not deleted. */
    requireAlive(table: TableWithCausalLength, id: string, what: string, field = 'id'): void {
      const cl = causalLength(table, id);
      if (cl === undefined || cl % 2 === 0) throw new AppError('not_found', `That ${what} does not exist or was deleted.`, field);
    },

    delete(table: TableWithCausalLength, id: string, what: string, extra: FieldValues = {}, tx?: MutationTx): void {
      const cl = causalLength(table, id);
      if (cl === undefined || cl % 2 === 0) throw new AppError('not_found', `That ${what} does not exist or was already deleted.`, 'id');
      const write = (t: MutationTx) => t.write(table, id, { ...extra, cl: cl + 1 });
      if (tx) write(tx);
      else engine.transaction(write);
    },

    restore(table: TableWithCausalLength, id: string, what: string): void {
      const cl = causalLength(table, id);
      if (cl === undefined) throw new AppError('not_found', `That ${what} does not exist.`, 'id');
      if (cl % 2 === 1) return;
      engine.transaction((tx) => tx.write(table, id, { cl: cl + 1 }));
    },
  };
}

export type RowLifecycle = ReturnType<typeof createRowLifecycle>;
