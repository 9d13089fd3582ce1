import type { BulkRequest } from '../../src-shared/domain/bulk';
import { deleteRow, perRow, plural, requireKnownPerson, setOnEveryRow, type ActionContext, type PlannedAction, type ReadRow } from './row-changes';

type FollowUpAction = Extract<BulkRequest, { list: 'followups' }>['action'];

/** Follow-ups: done, given to someone, moved to a time, deleted. A done follow-up keeps its time (as snooze refuses it). */
export function planFollowUpAction(action: FollowUpAction, context: ActionContext): PlannedAction {
  const open = (id: string, read: ReadRow) => read('follow_ups', id, ['done_at'])?.done_at === null;
  // A follow-up that is done or moved reminds again when due, as a single edit does (followups/service.ts).
  const forgetShown = context.sqlite.prepare('DELETE FROM reminders_shown WHERE follow_up_id = ?');
  const remindAgain = (id: string) => () => void forgetShown.run(id);
  switch (action.type) {
    case 'markDone':
      return {
        label: (n) => `Marked ${plural(n, 'follow-up')} done`,
        changes: perRow((id, read) =>
          open(id, read) ? [{ table: 'follow_ups', rowId: id, set: { done_at: context.now(), done_by: context.userName() }, alsoWhenWritten: remindAgain(id) }] : [],
        ),
      };
    case 'assign':
      requireKnownPerson(context, action.assignee, 'assignee');
      return { label: (n) => `Gave ${plural(n, 'follow-up')} to ${action.assignee}`, changes: setOnEveryRow('follow_ups', { assignee: action.assignee }) };
    case 'reschedule': {
      const when = new Date(action.dueAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
      return {
        label: (n) => `Moved ${plural(n, 'follow-up')} to ${when}`,
        changes: perRow((id, read) => (open(id, read) ? [{ table: 'follow_ups', rowId: id, set: { due_at: action.dueAt }, alsoWhenWritten: remindAgain(id) }] : [])),
      };
    }
    case 'delete':
      return { label: (n) => `Deleted ${plural(n, 'follow-up')}`, changes: perRow((id, read) => deleteRow('follow_ups', id, read)) };
  }
}
