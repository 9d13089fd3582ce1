import type { BulkRequest } from '../../src-shared/domain/bulk';
import { noAnswerOutcome } from '../../src-shared/domain/call';
import { createCallTags } from '../calls/call-tags';
import { outcomeFields } from '../calls/outcome-rules';
import { jobStatusLabels, jobStatusProblem } from '../../src-shared/domain/job';
import { maxStaticMembers } from '../../src-shared/domain/segment';
import { AppError } from '../../src-shared/errors';
import { tagRowId } from '../contacts/search-index';
import type { Sqlite } from '../db/open';
import { createSegmentMembers, memberRowId } from '../segments/members';
import { planDealAction } from './deal-actions';
import { planFollowUpAction } from './follow-up-actions';
import { deleteRow, perRow, plural, requireKnownPerson, setOnEveryRow, type ActionContext, type PlannedAction } from './row-changes';

export type { ActionContext, PlannedAction, ReadRow, RowChange } from './row-changes';
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
          return {
            label: (n) => `Set the outcome of ${plural(n, 'call')} to ${action.outcome}`,
            // The fields and the SLA rules of an outcome are the call drawer's (src-main/calls/outcome-rules.ts).
            changes: perRow((id, read) => {
              const call = read('calls', id, ['status']);
              return call ? [{ table: 'calls', rowId: id, set: outcomeFields({ status: String(call.status) }, action.outcome) }] : [];
            }),
            afterWrite: (tx, change, before) =>
              context.outcomeRules && change.table === 'calls'
                ? context.outcomeRules(tx, change.rowId, String(before.disposition ?? ''), action.outcome).map((rowId) => ({ table: 'follow_ups' as const, rowId }))
                : [],
          };
        }
        case 'addTag': {
          // Rows with random ids that carry no tag (src-main/calls/call-tags.ts): an existing row of the tag is reused.
          const callTags = createCallTags(sqlite);
          return {
            label: (n) => `Tagged ${plural(n, 'call')} “${action.tag}”`,
            changes: perRow((id, read) => {
              if ((read('calls', id, ['cl'])?.cl as number | undefined) === undefined) return [];
              const row = callTags.rowForTag(id, action.tag);
              if (row.present === 1) return [];
              return [{ table: 'call_tags', rowId: row.id, set: { tag: action.tag, present: 1 }, create: { call_id: id }, absentBefore: { present: 0 } }];
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
      break;
    }
    case 'followups':
      return planFollowUpAction(request.action, context);
    case 'deals':
      return planDealAction(request.action, context);
  }
  throw new AppError('invalid_input', 'That action does not apply to this list.', 'action');
}

/** Each contact becomes a member row of a static segment (src-main/segments/members.ts); undo takes the row out again. */
function addToSegment(sqlite: Sqlite, segmentId: string): PlannedAction {
  const segment = sqlite.prepare('SELECT name, kind FROM segments WHERE id = ? AND cl % 2 = 1').get(segmentId) as { name: string; kind: string } | undefined;
  if (!segment) throw new AppError('not_found', 'That segment does not exist or was deleted.', 'segmentId');
  if (segment.kind !== 'static') {
    throw new AppError('invalid_input', `“${segment.name}” is a dynamic segment: its members follow its definition, so contacts cannot be added to it.`, 'segmentId');
  }
  const members = createSegmentMembers(sqlite);
  return {
    label: (n) => `Added ${plural(n, 'contact')} to “${segment.name}”`,
    changes: (ids, read) => {
      const known = new Set(members.of(segmentId));
      const added = ids.filter((id) => !known.has(id) && (read('contacts', id, ['cl'])?.cl as number | undefined) !== undefined && (read('contacts', id, ['cl'])!.cl as number) % 2 === 1);
      if (known.size + added.length > maxStaticMembers) {
        throw new AppError('invalid_input', `A static segment holds at most ${maxStaticMembers.toLocaleString('en-GB')} contacts.`, 'segmentId');
      }
      return added.map((contactId) => {
        const rowId = memberRowId(segmentId, contactId);
        const cl = read('segment_members', rowId, ['cl'])?.cl;
        const member = typeof cl === 'number' ? (cl % 2 === 1 ? cl : cl + 1) : 1;
        return { table: 'segment_members', rowId, set: { cl: member }, create: { segment_id: segmentId, contact_id: contactId }, absentBefore: { cl: 2 } };
      });
    },
  };
}
