import type { DealListQuery, Stage } from '../../../src-shared/domain/pipeline';
import type { RowSelecting } from '../../ui/use-row-selection';
import { AskButton } from './AskButton';
import { BulkDeleteButton } from './BulkDeleteButton';
import type { BulkStart } from './use-bulk-action';

type DealAction = Extract<BulkStart, { list: 'deals' }>['action'];

interface DealBulkActionsProps {
  selecting: RowSelecting;
  /** The deals list's request, as deals.list takes it without paging. */
  request: DealListQuery;
  stages: readonly Stage[];
  /** Who deals can be given to: the user and the owners on screen. */
  people: readonly string[];
  run: (request: BulkStart) => Promise<boolean>;
}

/** The deals list's bulk actions: move to a stage, assign an owner, delete. */
export function DealBulkActions({ selecting, request, stages, people, run }: DealBulkActionsProps) {
  const act = (action: DealAction) => void run({ list: 'deals', request, selection: selecting.toBulkSelection(), action });
  const rows = { count: selecting.count, noun: 'deal' };
  return (
    <>
      <AskButton
        {...rows}
        question={{
          title: 'Move to a stage',
          label: 'Stage',
          submitLabel: 'Move',
          options: stages.map((stage) => ({ value: stage.id, label: stage.name })),
          onAnswer: (stageId) => act({ type: 'moveToStage', stageId }),
        }}
      >
        Move to stage
      </AskButton>
      <AskButton
        {...rows}
        icon="user"
        question={{ title: 'Assign an owner', label: 'Owner', submitLabel: 'Assign', suggestions: people, onAnswer: (owner) => act({ type: 'assignOwner', owner }) }}
      >
        Assign owner
      </AskButton>
      <BulkDeleteButton {...rows} onDelete={() => act({ type: 'delete' })} />
    </>
  );
}
