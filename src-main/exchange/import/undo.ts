import type { CustomFieldValues, Email, Phone } from '../../../src-shared/domain/contact';
import { normaliseEmail } from '../../../src-shared/phone';
import type { ListChanges } from '../../contacts/list-writer';
import { yieldToEventLoop, type ExchangeDeps, type JobControl } from '../deps';
import type { ImportBatches } from './batches';
import { createImportQueries } from './queries';

/**
 * Takes an import back out, newest chunk first: deletes the contacts it created (by causal
 * length, so they can still be restored one by one) and reverts the fields it updated, except
 * where someone changed a field again after the import: their edit stands. Lists go back item by
 * item: the numbers, addresses and custom fields the import added are taken out, and what others
 * added or edited meanwhile, here or on another laptop, stays.
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
        const lists: ListChanges = {};
        for (const [column, value] of Object.entries(update.after)) {
          if (column === 'phones') lists.phones = withoutImported(parseList<Phone>(row[column]), parseList<Phone>(update.before[column]), parseList<Phone>(value), (phone) => phone.e164, result);
          else if (column === 'emails') lists.emails = withoutImported(parseList<Email>(row[column]), parseList<Email>(update.before[column]), parseList<Email>(value), (email) => normaliseEmail(email.address), result);
          else if (column === 'custom_fields') lists.customFields = fieldsSetBack(parseFields(row[column]), parseFields(update.before[column]), parseFields(value), result);
          // Someone changed it again after the import: their edit wins over the undo.
          else if (row[column] !== value) result.keptLaterEdits += 1;
          else revert[column] = update.before[column] ?? null;
        }
        // Lists go back item by item, like any edit of them.
        Object.assign(revert, deps.contacts.lists.write(tx, update.id, lists));
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

function parseList<T>(json: unknown): T[] {
  const value: unknown = typeof json === 'string' ? JSON.parse(json) : [];
  return Array.isArray(value) ? (value as T[]) : [];
}

function parseFields(json: unknown): CustomFieldValues {
  return typeof json === 'string' ? (JSON.parse(json) as CustomFieldValues) : {};
}

/**
 * The list as it is now, without the items the import added (it only adds). Item by item, like
 * any edit of a list: an item someone added or edited since the import stays (an edited one
 * counts as a later edit kept). Undefined when there is nothing to take out.
 */
function withoutImported<T extends { type: string }>(current: T[], before: T[], after: T[], key: (item: T) => string, result: { keptLaterEdits: number }): T[] | undefined {
  const had = new Set(before.map(key));
  const imported = new Map(after.filter((item) => !had.has(key(item))).map((item) => [key(item), item]));
  const kept = current.filter((item) => {
    const added = imported.get(key(item));
    if (!added) return true;
    if (added.type === item.type) return false;
    result.keptLaterEdits += 1;
    return true;
  });
  return kept.length === current.length ? undefined : kept;
}

/** The custom fields the import set, back to their old value or cleared, unless edited since. */
function fieldsSetBack(current: CustomFieldValues, before: CustomFieldValues, after: CustomFieldValues, result: { keptLaterEdits: number }): CustomFieldValues {
  const values: CustomFieldValues = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[field] === after[field]) continue;
    if ((current[field] ?? null) === (after[field] ?? null)) values[field] = before[field] ?? null;
    else result.keptLaterEdits += 1;
  }
  return values;
}
