import { AppError } from '../../src-shared/errors';
import type { OutcomeRules } from '../calls/outcome-rules';
import type { Sqlite } from '../db/open';
import type { MutationTx } from '../writes/mutation-engine';
import type { FieldValue, FieldValues, SyncedTableName } from '../writes/synced-tables';

// What a bulk action is made of: the changes it asks of each row, and the helpers every list's
// planner (actions.ts, follow-up-actions.ts, deal-actions.ts) builds them with.

/** One row's new values, as a bulk action wants them. The runner skips it when nothing differs. */
export interface RowChange {
  table: SyncedTableName;
  rowId: string;
  set: FieldValues;
  /** Written with `set` when the row does not exist yet (a tag a contact never had). */
  create?: FieldValues;
  /** What "before" means for a row that did not exist: undo writes it back (a tag not present). */
  absentBefore?: FieldValues;
  /** How many of the list's rows this change stands for (a segment's list grows by many); 1 if absent. */
  rows?: number;
  /** Local bookkeeping of this laptop done in the same transaction when the row is written (a reminder to show again). */
  alsoWhenWritten?: (tx: MutationTx) => void;
}

/** Reads the named columns of one row, or undefined when there is no such row. */
export type ReadRow = (table: SyncedTableName, rowId: string, columns: readonly string[]) => Record<string, FieldValue> | undefined;

export interface PlannedAction {
  /** As the toast says it, given how many rows: "Tagged 500 contacts “storm”". */
  label: (count: number) => string;
  /** The changes for one batch of ids. */
  changes: (ids: readonly string[], read: ReadRow) => RowChange[];
  /**
   * What a written change brings about in the same transaction (a first call outcome's SLA
   * call-back): the rows it created, which undo deletes again.
   */
  afterWrite?: (tx: MutationTx, change: RowChange, before: Record<string, FieldValue>) => { table: SyncedTableName; rowId: string }[];
}

export interface ActionContext {
  sqlite: Sqlite;
  /** The office's call outcomes (Settings). */
  callOutcomes: () => readonly string[];
  userName: () => string;
  now: () => number;
  /** The SLA rules of a call's first outcome (src-main/calls/outcome-rules.ts); none when absent. */
  outcomeRules?: OutcomeRules | undefined;
  /** The key of tag row ids, once the laptop holds one (src-main/privacy/row-ids.ts). */
  rowIdKey?: () => Buffer | undefined;
}

export const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

/** A row that is alive can be deleted: its causal length moves to the next even number. */
export function deleteRow(table: SyncedTableName, rowId: string, read: ReadRow): RowChange[] {
  const cl = read(table, rowId, ['cl'])?.cl;
  return typeof cl === 'number' && cl % 2 === 1 ? [{ table, rowId, set: { cl: cl + 1 } }] : [];
}

export const perRow =
  (make: (id: string, read: ReadRow) => RowChange[]) =>
  (ids: readonly string[], read: ReadRow): RowChange[] =>
    ids.flatMap((id) => make(id, read));

/** The same values written to every row of the batch. */
export const setOnEveryRow = (table: SyncedTableName, set: FieldValues) => perRow((id) => [{ table, rowId: id, set }]);

/** The people things can be assigned to: the user, and everyone who already has a contact, job, follow-up or deal. */
function knownPeople(sqlite: Sqlite, userName: string): Set<string> {
  const names = sqlite
    .prepare(
      `SELECT owner FROM contacts WHERE owner != '' UNION SELECT assignee FROM jobs WHERE assignee != ''
       UNION SELECT assignee FROM follow_ups WHERE assignee != '' UNION SELECT owner FROM deals WHERE owner != ''`,
    )
    .pluck()
    .all() as string[];
  return new Set([userName, ...names].filter(Boolean));
}

export function requireKnownPerson(context: ActionContext, name: string, field: string): void {
  if (!knownPeople(context.sqlite, context.userName()).has(name)) {
    throw new AppError('invalid_input', `Nobody called “${name}” is on the team yet: choose someone who owns contacts or jobs, or yourself.`, field);
  }
}
