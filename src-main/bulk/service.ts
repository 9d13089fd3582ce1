import { v7 as uuidv7 } from 'uuid';
import type { BulkActionStatus, BulkRequest, BulkTarget } from '../../src-shared/domain/bulk';
import { AppError, type ErrorCode } from '../../src-shared/errors';
import { statementCache, type Sqlite } from '../db/open';
import type { MutationEngine, MutationTx } from '../writes/mutation-engine';
import type { FieldValue, FieldValues, SyncedTableName } from '../writes/synced-tables';
import { planAction, type PlannedAction, type ReadRow, type RowChange } from './actions';
import type { OutcomeRules } from '../calls/outcome-rules';
import { recordStageMove } from './deal-actions';
import { createSelectionResolver } from './selection';
import { createBulkStore, type BeforeRow } from './store';
import { createSegmentMembers } from '../segments/members';

export interface BulkDeps {
  sqlite: Sqlite;
  engine: MutationEngine;
  userName: () => string;
  callOutcomes: () => readonly string[];
  /** The SLA rules a call's first outcome applies, as in the call drawer. */
  outcomeRules?: OutcomeRules;
  /** The key of tag row ids, once the laptop holds one (src-main/privacy/row-ids.ts). */
  rowIdKey?: () => Buffer | undefined;
  now: () => number;
  emit: (status: BulkActionStatus) => void;
  logError: (error: unknown, context: string) => void;
  /** Rows per transaction. */
  batchSize?: number;
}

const defaultBatchSize = 500;
const progressEveryMs = 100;
/** Lets the rest of the app (and a Cancel) run between batches. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Bulk actions: a selection resolved to ids, changed in batches of one SQLite transaction each
 * through the mutation engine (ordinary synced changes), with what each row had before kept in
 * the same transaction (store.ts). The whole action is one undo; undo runs in batches too.
 * The first batch runs before start() answers, so a refused write (a read-only member) is the
 * caller's error and changes nothing; the rest run as a job with progress events and cancel.
 */
export class BulkService {
  private readonly store;
  private readonly selection;
  private readonly statement;
  private readonly running = new Map<string, AbortController>();
  private readonly batchSize: number;
  private readonly lastEmit = new Map<string, number>();
  private readonly segmentMembers;
  /** Member rows of static segments written by the transaction running now (keepSegmentListsForOlderLaptops). */
  private memberRowsWritten: string[] = [];

  constructor(private readonly deps: BulkDeps) {
    this.store = createBulkStore(deps.sqlite);
    this.segmentMembers = createSegmentMembers(deps.sqlite);
    this.selection = createSelectionResolver(deps.sqlite, deps.userName, deps.now);
    this.statement = statementCache(deps.sqlite);
    this.batchSize = deps.batchSize ?? defaultBatchSize;
    this.store.markInterrupted(deps.now());
  }

  start(request: BulkRequest): BulkActionStatus {
    const plan = planAction(request, { sqlite: this.deps.sqlite, callOutcomes: this.deps.callOutcomes, userName: this.deps.userName, now: this.deps.now, outcomeRules: this.deps.outcomeRules, rowIdKey: this.deps.rowIdKey });
    const ids = this.selection.resolve(request);
    const id = uuidv7();
    const batches = chunk(ids, this.batchSize);
    let changed = 0;
    const runBatch = (batch: readonly string[], done: number) =>
      this.deps.engine.transaction((tx) => {
        this.memberRowsWritten = [];
        changed += this.applyChanges(tx, id, plan.changes(batch, this.read), plan.afterWrite);
        this.keepSegmentListsForOlderLaptops(tx);
        this.store.progress(id, { done, changed, label: plan.label(changed) });
      });
    // The record and the first batch are one transaction: a refused first write leaves no trace.
    this.deps.engine.transaction(() => {
      this.store.create({ id, list: request.list, request, label: plan.label(0), total: ids.length, at: this.deps.now() });
      runBatch(batches[0]!, batches[0]!.length);
    });
    if (batches.length === 1) return this.finish(id, 'done');
    const controller = new AbortController();
    this.running.set(id, controller);
    void this.runRest(id, batches.slice(1), batches[0]!.length, controller.signal, runBatch);
    return this.status(id);
  }

  /** The database and clock the exports of a selection read with (handlers.ts). */
  get sqlite(): Sqlite {
    return this.deps.sqlite;
  }

  readonly now = (): number => this.deps.now();

  /** The ids a selection stands for (for an export of it), refused when there are none. */
  resolve(target: BulkTarget): string[] {
    return this.selection.resolve(target);
  }

  status(id: string): BulkActionStatus {
    const status = this.store.get(id);
    if (!status) throw new AppError('not_found', 'There is no such bulk action on this laptop.', 'id');
    return status;
  }

  recent(limit: number): BulkActionStatus[] {
    return this.store.recent(limit);
  }

  cancel(id: string): { cancelled: boolean } {
    this.status(id);
    const controller = this.running.get(id);
    if (!controller) return { cancelled: false };
    controller.abort();
    return { cancelled: true };
  }

  /** Restores what the action changed; for a cancelled or interrupted one, what its finished batches did. */
  undo(id: string): BulkActionStatus {
    const status = this.status(id);
    if (status.state === 'running' || status.state === 'undoing') {
      throw new AppError('invalid_input', 'That bulk action is still running: cancel it first, then undo what it did.', 'id');
    }
    if (status.state === 'undone') throw new AppError('invalid_input', 'That bulk action was undone already.', 'id');
    const total = this.store.remainingBefores(id);
    this.statement('UPDATE bulk_actions SET state = ?, done = 0, total = ? WHERE id = ?').run('undoing', total, id);
    const first = this.undoBatch(id, 0);
    if (first === 0 || this.store.remainingBefores(id) === 0) return this.finish(id, 'undone');
    void this.runUndo(id, first);
    return this.status(id);
  }

  private async runRest(
    id: string,
    batches: readonly (readonly string[])[],
    doneBefore: number,
    signal: AbortSignal,
    runBatch: (batch: readonly string[], done: number) => void,
  ): Promise<void> {
    let done = doneBefore;
    try {
      for (const batch of batches) {
        this.emitProgress(id);
        await nextTurn();
        if (signal.aborted) return void this.finish(id, 'cancelled');
        done += batch.length;
        runBatch(batch, done);
      }
      this.finish(id, 'done');
    } catch (error) {
      this.fail(id, error);
    } finally {
      this.running.delete(id);
    }
  }

  private async runUndo(id: string, doneBefore: number): Promise<void> {
    let done = doneBefore;
    try {
      for (;;) {
        this.emitProgress(id);
        await nextTurn();
        const restored = this.undoBatch(id, done);
        if (restored === 0) break;
        done += restored;
      }
      this.finish(id, 'undone');
    } catch (error) {
      this.fail(id, error);
    }
  }

  /** One batch of undo in one transaction: the values written back, and their befores forgotten. */
  private undoBatch(id: string, doneBefore: number): number {
    return this.deps.engine.transaction((tx) => {
      this.memberRowsWritten = [];
      const rows = this.store.befores(id, this.batchSize);
      for (const row of rows) this.restore(tx, row);
      this.keepSegmentListsForOlderLaptops(tx);
      if (rows.length > 0) {
        this.store.forgetBefores(id, rows.at(-1)!.seq);
        this.store.progress(id, { done: doneBefore + rows.length });
      }
      return rows.length;
    });
  }

  private restore(tx: MutationTx, row: BeforeRow): void {
    const table = row.table as SyncedTableName;
    const current = this.read(table, row.rowId, Object.keys(row.before));
    if (!current) return;
    const fields: FieldValues = {};
    for (const [name, value] of Object.entries(row.before)) {
      if (name === 'cl') {
        // Causal length only grows: alive again is the next odd number, deleted again the next even one.
        const now = current.cl as number;
        if (now % 2 !== (value as number) % 2) fields.cl = now + 1;
      } else if (current[name] !== value) fields[name] = value;
    }
    if (Object.keys(fields).length === 0) return;
    tx.write(table, row.rowId, fields);
    if (table === 'segment_members') this.memberRowsWritten.push(row.rowId);
    // A deal moved back is a move too: the funnel and the deal's history see it.
    if (table === 'deals' && typeof fields.stage_id === 'string') {
      const deal = this.read('deals', row.rowId, ['pipeline_id'])!;
      recordStageMove(tx, { dealId: row.rowId, pipelineId: deal.pipeline_id as string, from: current.stage_id as string, to: fields.stage_id, at: this.deps.now(), by: this.deps.userName() });
    }
  }

  /** Writes the changes that change something, keeping each row's values before; answers how many list rows changed. */
  private applyChanges(tx: MutationTx, id: string, changes: readonly RowChange[], afterWrite?: PlannedAction['afterWrite']): number {
    let changed = 0;
    for (const change of changes) {
      const current = this.read(change.table, change.rowId, Object.keys(change.set));
      if (!current && !change.create) continue;
      const differs = !current || Object.entries(change.set).some(([name, value]) => current[name] !== value);
      if (!differs) continue;
      const before = current ?? change.absentBefore ?? {};
      tx.write(change.table, change.rowId, current ? change.set : { ...change.create, ...change.set });
      if (change.table === 'segment_members') this.memberRowsWritten.push(change.rowId);
      change.alsoWhenWritten?.(tx);
      this.store.rememberBefore(id, change.table, change.rowId, before);
      // A row the change brought about did not exist before: undo deletes it (an even causal length).
      for (const made of afterWrite?.(tx, change, before) ?? []) this.store.rememberBefore(id, made.table, made.rowId, { cl: 0 });
      changed += change.rows ?? 1;
    }
    return changed;
  }

  /**
   * A laptop on a release before member rows reads a static segment's whole list
   * (segments.member_ids): after a batch that added or took back members, the list is written again
   * in the same transaction, as the segment builder does (src-main/segments/members.ts).
   */
  private keepSegmentListsForOlderLaptops(tx: MutationTx): void {
    if (this.memberRowsWritten.length === 0) return;
    const segmentIds = this.statement(`SELECT DISTINCT segment_id FROM segment_members WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(this.memberRowsWritten)) as { segment_id: string }[];
    this.memberRowsWritten = [];
    for (const { segment_id: segmentId } of segmentIds) this.segmentMembers.keepListForOlderLaptops(tx, segmentId);
  }

  private readonly read: ReadRow = (table, rowId, columns) =>
    this.statement(`SELECT ${columns.join(', ')} FROM ${table} WHERE id = ?`).get(rowId) as Record<string, FieldValue> | undefined;

  private finish(id: string, state: 'done' | 'cancelled' | 'undone'): BulkActionStatus {
    this.store.setState(id, state, this.deps.now());
    const status = this.status(id);
    this.lastEmit.delete(id);
    this.deps.emit(status);
    return status;
  }

  private fail(id: string, error: unknown): void {
    const known = error instanceof AppError;
    if (!known) this.deps.logError(error, 'bulk action failed');
    const code: ErrorCode = known ? error.code : 'internal';
    const message = known ? error.message : 'Something went wrong inside Fieldbook. The details are in its log.';
    this.store.setState(id, 'failed', this.deps.now(), { code, message });
    this.deps.emit(this.status(id));
  }

  private emitProgress(id: string): void {
    const now = Date.now();
    if (now - (this.lastEmit.get(id) ?? 0) < progressEveryMs) return;
    this.lastEmit.set(id, now);
    this.deps.emit(this.status(id));
  }
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}
