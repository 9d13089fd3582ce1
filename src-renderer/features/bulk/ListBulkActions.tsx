import type { CallListQuery } from '../../../src-shared/domain/call';
import { jobStatuses, jobStatusLabels, type JobListQuery } from '../../../src-shared/domain/job';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import type { RowSelecting } from '../../ui/use-row-selection';
import { useCallTagsInUse } from '../calls/hooks';
import { AskButton } from './AskButton';
import { BulkDeleteButton } from './BulkDeleteButton';
import type { BulkStart } from './use-bulk-action';

type Run = (request: BulkStart) => Promise<boolean>;
const noOutcomes: readonly string[] = [];

/** The calls list's bulk actions: outcome, tag, spam, delete. */
export function CallBulkActions({ selecting, request, run }: { selecting: RowSelecting; request: CallListQuery; run: Run }) {
  const outcomes = useUi((state) => state.settings?.callDispositions ?? noOutcomes);
  const callTags = useCallTagsInUse().latest ?? noOutcomes;
  const act = (action: Extract<BulkStart, { list: 'calls' }>['action']) => void run({ list: 'calls', request, selection: selecting.toBulkSelection(), action });
  const rows = { count: selecting.count, noun: 'call' };
  return (
    <>
      <AskButton
        {...rows}
        question={{
          title: 'Set the outcome',
          label: 'Outcome',
          submitLabel: 'Set outcome',
          options: outcomes.map((outcome) => ({ value: outcome, label: outcome })),
          onAnswer: (outcome) => act({ type: 'setOutcome', outcome }),
        }}
      >
        Set outcome
      </AskButton>
      <AskButton {...rows} question={{ title: 'Add a tag', label: 'Tag', submitLabel: 'Add tag', suggestions: callTags, onAnswer: (tag) => act({ type: 'addTag', tag }) }}>
        Add tag
      </AskButton>
      <Button size="sm" icon="ban" onClick={() => act({ type: 'markSpam', spam: true })}>
        Mark spam
      </Button>
      <BulkDeleteButton {...rows} onDelete={() => act({ type: 'delete' })} />
    </>
  );
}

/** The jobs list's bulk actions: status, assignee, delete. */
export function JobBulkActions({ selecting, request, people, run }: { selecting: RowSelecting; request: JobListQuery; people: readonly string[]; run: Run }) {
  const act = (action: Extract<BulkStart, { list: 'jobs' }>['action']) => void run({ list: 'jobs', request, selection: selecting.toBulkSelection(), action });
  const rows = { count: selecting.count, noun: 'job' };
  return (
    <>
      <AskButton
        {...rows}
        question={{
          title: 'Set the status',
          label: 'Status',
          submitLabel: 'Set status',
          options: jobStatuses.map((status) => ({ value: status, label: jobStatusLabels[status] })),
          onAnswer: (status) => act({ type: 'setStatus', status: status as (typeof jobStatuses)[number] }),
        }}
      >
        Set status
      </AskButton>
      <AskButton {...rows} question={{ title: 'Assign', label: 'Assignee', submitLabel: 'Assign', suggestions: people, onAnswer: (assignee) => act({ type: 'assign', assignee }) }}>
        Assign
      </AskButton>
      <BulkDeleteButton {...rows} onDelete={() => act({ type: 'delete' })} />
    </>
  );
}
