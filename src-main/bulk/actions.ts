import type { BulkRequest } from '../../src-shared/domain/bulk';
import { noAnswerOutcome, isUnansweredOutcome } from '../../src-shared/domain/call';
import { jobStatusLabels, jobStatusProblem } from '../../src-shared/domain/job';
import { maxStaticMembers } from '../../src-shared/domain/segment';
import { AppError } from '../../src-shared/errors';
import { tagRowId } from '../contacts/search-index';
import type { Sqlite } from '../db/open';
import type { FieldValue, FieldValues, SyncedTableName } from '../writes/synced-tables';

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
}

/** Reads the named columns of one row, or undefined when there is no such row. */
export type ReadRow = (table: SyncedTableName, rowId: string, columns: readonly string[]) => Record<string, FieldValue> | undefined;

export interface PlannedAction {
  /** As the toast says it, given how many rows: "Tagged 500 contacts “storm”". */
  label: (count: number) => string;
  /** The changes for one batch of ids. */
  changes: (ids: readonly string[], read: ReadRow) => RowChange[];
}

export interface ActionContext {
  sqlite: Sqlite;
  /** The office's call outcomes (Settings). */
  callOutcomes: () => readonly string[];
  userName: () => string;
  /** The key of tag row ids, once the laptop holds one (src-main/privacy/row-ids.ts). */
  rowIdKey?: () => Buffer | undefined;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

/** A row that is alive can be deleted: its causal length moves to the next even number. */
function deleteRow(table: SyncedTableName, rowId: string, read: ReadRow): RowChange[] {
  const cl = read(table, rowId, ['cl'])?.cl;
  return typeof cl === 'number' && cl % 2 === 1 ? [{ table, rowId, set: { cl: cl + 1 } }] : [];
}

const perRow =
  (make: (id: string, read: ReadRow) => RowChange[]) =>
  (ids: readonly string[], read: ReadRow): RowChange[] =>
    ids.flatMap((id) => make(id, read));

/** The same values written to every row of the batch. */
const setOnEveryRow = (table: SyncedTableName, set: FieldValues) => perRow((id) => [{ table, rowId: id, set }]);

/** The people things can be assigned to: the user, and everyone who already owns a contact or a job. */
function knownPeople(sqlite: Sqlite, userName: string): Set<string> {
  const names = sqlite
    .prepare(`SELECT owner FROM contacts WHERE owner != '' UNION SELECT assignee FROM jobs WHERE assignee != ''`)
    .pluck()
    .all() as string[];
  return new Set([userName, ...names].filter(Boolean));
}

function requireKnownPerson(context: ActionContext, name: string, field: string): void {
  if (!knownPeople(context.sqlite, context.userName()).has(name)) {
    throw new AppError('invalid_input', `Nobody called “${name}” is on the team yet: choose someone who owns contacts or jobs, or yourself.`, field);
  }
}

/**
 * Checks the action against what exists (the tag, the person, the outcome, the segment) and says
 * what it does to each row. Throws before anything is written, so a bad request changes nothing.
 */
export function planAction(request: BulkRequest, context: ActionContext): PlannedAction {
  const { sqlite } = context;
  switch (request.list) {
    case 'contacts': {
      const action = request.action;
      switch (action.type) {
        case 'addTag':
          return {
            label: (n) => `Tagged ${plural(n, 'contact')} “${action.tag}”`,
            changes: perRow((id, read) => {
              if (read('contacts', id, ['cl'])?.cl === undefined) return [];
              return [
                {
                  table: 'contact_tags',
                  rowId: tagRowId(id, action.tag, context.rowIdKey?.()),
                  set: { tag: action.tag, present: 1 },
                  create: { contact_id: id },
                  absentBefore: { present: 0 },
                },
              ];
            }),
          };
        case 'removeTag': {
          const known = sqlite.prepare('SELECT 1 FROM contact_tags WHERE tag = ? COLLATE NOCASE AND present = 1 LIMIT 1').get(action.tag);
          if (!known) throw new AppError('invalid_input', `No contact has the tag “${action.tag}”, so there is nothing to remove.`, 'tag');
          return {
            label: (n) => `Removed the tag “${action.tag}” from ${plural(n, 'contact')}`,
            changes: perRow((id, read) => {
              const rowId = tagRowId(id, action.tag, context.rowIdKey?.());
              return read('contact_tags', rowId, ['present']) ? [{ table: 'contact_tags', rowId, set: { present: 0 } }] : [];
            }),
          };
        }
        case 'assignOwner':
          requireKnownPerson(context, action.owner, 'owner');
          return {
            label: (n) => `Gave ${plural(n, 'contact')} to ${action.owner}`,
            changes: setOnEveryRow('contacts', { owner: action.owner }),
          };
        case 'setStatus':
          return {
            label: (n) => `Marked ${plural(n, 'contact')} ${action.status}`,
            changes: setOnEveryRow('contacts', { status: action.status }),
          };
        case 'delete':
          return { label: (n) => `Deleted ${plural(n, 'contact')}`, changes: perRow((id, read) => deleteRow('contacts', id, read)) };
        case 'addToSegment':
          return addToSegment(sqlite, action.segmentId);
      }
      break;
    }
    case 'calls': {
      const action = request.action;
      switch (action.type) {
        case 'setOutcome': {
          const outcomes = context.callOutcomes();
          if (!outcomes.includes(action.outcome) && action.outcome !== noAnswerOutcome) {
            throw new AppError('invalid_input', `“${action.outcome}” is not a call outcome. Choose one of: ${outcomes.join(', ')}.`, 'outcome');
          }
          const unanswered = isUnansweredOutcome(action.outcome);
          return {
            label: (n) => `Set the outcome of ${plural(n, 'call')} to ${action.outcome}`,
            changes: perRow((id, read) => {
              // A call answered and then given "no answer" is recorded as unanswered, as the call drawer does.
              const set: FieldValues = { disposition: action.outcome };
              if (unanswered && read('calls', id, ['status'])?.status === 'completed') set.status = 'no-answer';
              return [{ table: 'calls', rowId: id, set }];
            }),
          };
        }
        case 'markSpam':
          return {
            label: (n) => `${action.spam ? 'Marked' : 'Unmarked'} ${plural(n, 'call')} as spam`,
            changes: setOnEveryRow('calls', { spam: action.spam ? 1 : 0 }),
          };
        case 'delete':
          return { label: (n) => `Deleted ${plural(n, 'call')}`, changes: perRow((id, read) => deleteRow('calls', id, read)) };
      }
      break;
    }
    case 'jobs': {
      const action = request.action;
      switch (action.type) {
        case 'setStatus':
          return {
            label: (n) => `Set ${plural(n, 'job')} to ${jobStatusLabels[action.status].toLowerCase()}`,
            // A job that cannot take the status (invoiced without an amount) is left as it is.
            changes: perRow((id, read) => {
              const job = read('jobs', id, ['invoiced_minor', 'paid_at']);
              if (!job) return [];
              const problem = jobStatusProblem({ status: action.status, invoicedMinor: job.invoiced_minor as number | null, paidAt: job.paid_at as number | null });
              return problem ? [] : [{ table: 'jobs', rowId: id, set: { status: action.status } }];
            }),
          };
        case 'assign':
          requireKnownPerson(context, action.assignee, 'assignee');
          return {
            label: (n) => `Assigned ${plural(n, 'job')} to ${action.assignee}`,
            changes: setOnEveryRow('jobs', { assignee: action.assignee }),
          };
        case 'delete':
          return { label: (n) => `Deleted ${plural(n, 'job')}`, changes: perRow((id, read) => deleteRow('jobs', id, read)) };
      }
    }
  }
  throw new AppError('invalid_input', 'That action does not apply to this list.', 'action');
}

/** A static segment's frozen list grows by each batch's contacts; undo writes the list back as it was. */
function addToSegment(sqlite: Sqlite, segmentId: string): PlannedAction {
  const segment = sqlite.prepare('SELECT name, kind FROM segments WHERE id = ? AND cl % 2 = 1').get(segmentId) as { name: string; kind: string } | undefined;
  if (!segment) throw new AppError('not_found', 'That segment does not exist or was deleted.', 'segmentId');
  if (segment.kind !== 'static') {
    throw new AppError('invalid_input', `“${segment.name}” is a dynamic segment: its members follow its definition, so contacts cannot be added to it.`, 'segmentId');
  }
  return {
    label: (n) => `Added ${plural(n, 'contact')} to “${segment.name}”`,
    changes: (ids, read) => {
      const members = JSON.parse(String(read('segments', segmentId, ['member_ids'])?.member_ids ?? '[]')) as string[];
      const known = new Set(members);
      const added = ids.filter((id) => !known.has(id) && (read('contacts', id, ['cl'])?.cl as number | undefined) !== undefined && (read('contacts', id, ['cl'])!.cl as number) % 2 === 1);
      if (added.length === 0) return [];
      if (members.length + added.length > maxStaticMembers) {
        throw new AppError('invalid_input', `A static segment holds at most ${maxStaticMembers.toLocaleString('en-GB')} contacts.`, 'segmentId');
      }
      return [{ table: 'segments', rowId: segmentId, set: { member_ids: JSON.stringify([...members, ...added]) }, rows: added.length }];
    },
  };
}
