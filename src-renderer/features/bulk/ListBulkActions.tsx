import type { CallListQuery } from '../../../src-shared/domain/call';
import { jobStatuses, jobStatusLabels, type JobListQuery } from '../../../src-shared/domain/job';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import type { RowSelecting } from '../../ui/use-row-selection';
import type { BulkStart } from './use-bulk-action';
import { useAsking } from './use-asking';
import { useCallTagsInUse } from '../calls/hooks';

type Run = (request: BulkStart) => Promise<boolean>;
const noOutcomes: readonly string[] = [];

/** The calls list's bulk actions: outcome, tag, spam, delete. */
export function CallBulkActions({ selecting, request, run }: { selecting: RowSelecting; request: CallListQuery; run: Run }) {
  const outcomes = useUi((state) => state.settings?.callDispositions ?? noOutcomes);
  const { ask, confirmDelete, dialogs } = useAsking(selecting.count, 'call');
  const callTags = useCallTagsInUse().latest ?? noOutcomes;
  const act = (action: Extract<BulkStart, { list: 'calls' }>['action']) => void run({ list: 'calls', request, selection: selecting.toBulkSelection(), action });
  return (
    <>
      <Button
        size="sm"
        onClick={() => ask({ title: 'Set the outcome', label: 'Outcome', submitLabel: 'Set outcome', options: outcomes.map((outcome) => ({ value: outcome, label: outcome })), onAnswer: (outcome) => act({ type: 'setOutcome', outcome }) })}
      >
        Set outcome
      </Button>
      <Button size="sm" onClick={() => ask({ title: 'Add a tag', label: 'Tag', submitLabel: 'Add tag', suggestions: callTags, onAnswer: (tag) => act({ type: 'addTag', tag }) })}>
        Add tag
      </Button>
      <Button size="sm" icon="ban" onClick={() => act({ type: 'markSpam', spam: true })}>
        Mark spam
      </Button>
      <Button size="sm" variant="danger" icon="trash" onClick={() => confirmDelete(() => act({ type: 'delete' }))}>
        Delete
      </Button>
      {dialogs}
    </>
  );
}

/** The jobs list's bulk actions: status, assignee, delete. */
export function JobBulkActions({ selecting, request, people, run }: { selecting: RowSelecting; request: JobListQuery; people: readonly string[]; run: Run }) {
  const { ask, confirmDelete, dialogs } = useAsking(selecting.count, 'job');
  const act = (action: Extract<BulkStart, { list: 'jobs' }>['action']) => void run({ list: 'jobs', request, selection: selecting.toBulkSelection(), action });
  return (
    <>
      <Button
        size="sm"
        onClick={() =>
          ask({
            title: 'Set the status',
            label: 'Status',
            submitLabel: 'Set status',
            options: jobStatuses.map((status) => ({ value: status, label: jobStatusLabels[status] })),
            onAnswer: (status) => act({ type: 'setStatus', status: status as (typeof jobStatuses)[number] }),
          })
        }
      >
        Set status
      </Button>
      <Button size="sm" onClick={() => ask({ title: 'Assign', label: 'Assignee', submitLabel: 'Assign', suggestions: people, onAnswer: (assignee) => act({ type: 'assign', assignee }) })}>
        Assign
      </Button>
      <Button size="sm" variant="danger" icon="trash" onClick={() => confirmDelete(() => act({ type: 'delete' }))}>
        Delete
      </Button>
      {dialogs}
    </>
  );
}
