import { yieldToEventLoop, type ExchangeDeps, type JobControl } from '../deps';
import type { ImportBatches } from './batches';
import { createImportQueries } from './queries';

/**
 * Takes an import back out, newest chunk first: deletes the contacts it created (by causal
 * length, so they can still be restored one by one) and reverts the fields it updated, except
 * where someone changed a field again after the import: their edit stands.
 */
export async function revertBatch(deps: ExchangeDeps, batches: ImportBatches, batchId: string, control: JobControl) {
  const { engine, sqlite } = deps;
  const chunks = batches.chunks(batchId).reverse();
  const queries = createImportQueries(sqlite);
  const total = chunks.reduce((sum, chunk) => sum + chunk.created.length + chunk.updated.length, 0);
  const result = { removed: 0, reverted: 0, keptLaterEdits: 0 };
  let done = 0;
  for (const chunk of chunks) {
    const now = (deps.now ?? Date.now)();
    engine.transaction((tx) => {
      for (const update of [...chunk.updated].reverse()) {
        const row = queries.contactById(update.id) as unknown as Record<string, unknown> | undefined;
        if (!row) continue;
        const revert: Record<string, string | number | null> = {};
        for (const [column, value] of Object.entries(update.after)) {
          // Someone changed it again after the import: their edit wins over the undo.
          if (row[column] === value) revert[column] = update.before[column] ?? null;
          else result.keptLaterEdits += 1;
        }
        if (Object.keys(revert).length > 0) {
          tx.write('contacts', update.id, { ...revert, updated_at: now });
          result.reverted += 1;
        }
        for (const tagRow of update.tagRows) if (queries.tagPresent(tagRow)?.present === 1) tx.write('contact_tags', tagRow, { present: 0 });
      }
      for (const id of chunk.created) {
        const row = queries.contactById(id);
        if (!row || row.cl % 2 === 0) continue;
        tx.write('contacts', id, { cl: row.cl + 1 });
        result.removed += 1;
      }
    });
    done += chunk.created.length + chunk.updated.length;
    control.onProgress?.('undoing', done, total);
    await yieldToEventLoop();
  }
  return result;
}
