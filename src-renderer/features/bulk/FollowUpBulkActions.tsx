import type { FollowUpListQuery } from '../../../src-shared/domain/follow-up';
import { Button } from '../../ui/Button';
import type { RowSelecting } from '../../ui/use-row-selection';
import type { BulkStart } from './use-bulk-action';
import { useAsking } from './use-asking';

type FollowUpAction = Extract<BulkStart, { list: 'followups' }>['action'];

interface FollowUpBulkActionsProps {
  selecting: RowSelecting;
  /** The follow-ups list's request, as followups.list takes it without paging. */
  request: FollowUpListQuery;
  /** Who follow-ups can be given to: the user and the people who have some. */
  people: readonly string[];
  run: (request: BulkStart) => Promise<boolean>;
}

/** The follow-ups list's bulk actions: mark done, give to someone, move to a time, delete. */
export function FollowUpBulkActions({ selecting, request, people, run }: FollowUpBulkActionsProps) {
  const { ask, confirmDelete, dialogs } = useAsking(selecting.count, 'follow-up');
  const act = (action: FollowUpAction) => void run({ list: 'followups', request, selection: selecting.toBulkSelection(), action });
  return (
    <>
      {request.view === 'done' ? null : (
        <Button size="sm" icon="check" onClick={() => act({ type: 'markDone' })}>
          Mark done
        </Button>
      )}
      <Button
        size="sm"
        icon="user"
        onClick={() => ask({ title: 'Reassign', label: 'Assignee', submitLabel: 'Reassign', suggestions: people, onAnswer: (assignee) => act({ type: 'assign', assignee }) })}
      >
        Reassign
      </Button>
      {request.view === 'done' ? null : (
        <Button
          size="sm"
          icon="calendar"
          onClick={() =>
            ask({
              title: 'Reschedule',
              label: 'New due time',
              submitLabel: 'Reschedule',
              inputType: 'datetime-local',
              // The input's local time, read in the user's time zone.
              onAnswer: (when) => act({ type: 'reschedule', dueAt: new Date(when).getTime() }),
            })
          }
        >
          Reschedule
        </Button>
      )}
      <Button size="sm" variant="danger" icon="trash" onClick={() => confirmDelete(() => act({ type: 'delete' }))}>
        Delete
      </Button>
      {dialogs}
    </>
  );
}
