import type { FollowUpListQuery } from '../../../src-shared/domain/follow-up';
import { Button } from '../../ui/Button';
import type { RowSelecting } from '../../ui/use-row-selection';
import { AskButton } from './AskButton';
import { BulkDeleteButton } from './BulkDeleteButton';
import type { BulkStart } from './use-bulk-action';

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
  const act = (action: FollowUpAction) => void run({ list: 'followups', request, selection: selecting.toBulkSelection(), action });
  const rows = { count: selecting.count, noun: 'follow-up' };
  return (
    <>
      {request.view === 'done' ? null : (
        <Button size="sm" icon="check" onClick={() => act({ type: 'markDone' })}>
          Mark done
        </Button>
      )}
      <AskButton
        {...rows}
        icon="user"
        question={{ title: 'Reassign', label: 'Assignee', submitLabel: 'Reassign', suggestions: people, onAnswer: (assignee) => act({ type: 'assign', assignee }) }}
      >
        Reassign
      </AskButton>
      {request.view === 'done' ? null : (
        <AskButton
          {...rows}
          icon="calendar"
          question={{
            title: 'Reschedule',
            label: 'New due time',
            submitLabel: 'Reschedule',
            inputType: 'datetime-local',
            // The input's local time, read in the user's time zone.
            onAnswer: (when) => act({ type: 'reschedule', dueAt: new Date(when).getTime() }),
          }}
        >
          Reschedule
        </AskButton>
      )}
      <BulkDeleteButton {...rows} onDelete={() => act({ type: 'delete' })} />
    </>
  );
}
