import { contactStatuses } from '../../../src-shared/domain/contact';
import type { ContactListQuery } from '../../../src-shared/domain/contact';
import { statusLabels } from '../../ui/format';
import type { RowSelecting } from '../../ui/use-row-selection';
import type { Facets } from '../contacts/hooks';
import { useSegments } from '../segments/hooks';
import type { BulkStart } from './use-bulk-action';
import { AskButton } from './AskButton';
import { BulkDeleteButton } from './BulkDeleteButton';

interface ContactBulkActionsProps {
  selecting: RowSelecting;
  /** The contacts list's request, as contacts.list takes it. */
  request: ContactListQuery;
  facets: Facets | null;
  userName: string;
  run: (request: BulkStart) => Promise<boolean>;
}

type ContactAction = Extract<BulkStart, { list: 'contacts' }>['action'];

/** The contacts list's bulk actions: tag, untag, owner, status, add to a static segment, delete. */
export function ContactBulkActions({ selecting, request, facets, userName, run }: ContactBulkActionsProps) {
  const rows = { count: selecting.count, noun: 'contact' };
  const segments = useSegments().latest ?? [];
  const act = (action: ContactAction) => void run({ list: 'contacts', request, selection: selecting.toBulkSelection(), action });
  const tags = facets?.tags.map((tag) => tag.name) ?? [];
  const owners = [...new Set([userName, ...(facets?.owners.map((owner) => owner.name) ?? [])].filter(Boolean))];
  const staticSegments = segments.filter((segment) => segment.kind === 'static');

  return (
    <>
      <AskButton {...rows} question={{ title: 'Add a tag', label: 'Tag', submitLabel: 'Add tag', suggestions: tags, onAnswer: (tag) => act({ type: 'addTag', tag }) }}>
        Add tag
      </AskButton>
      <AskButton
        {...rows}
        question={{ title: 'Remove a tag', label: 'Tag', submitLabel: 'Remove tag', options: tags.map((tag) => ({ value: tag, label: tag })), onAnswer: (tag) => act({ type: 'removeTag', tag }) }}
      >
        Remove tag
      </AskButton>
      <AskButton
        {...rows}
        question={{ title: 'Assign an owner', label: 'Owner', submitLabel: 'Assign', options: owners.map((name) => ({ value: name, label: name })), onAnswer: (owner) => act({ type: 'assignOwner', owner }) }}
      >
        Assign owner
      </AskButton>
      <AskButton
        {...rows}
        question={{
          title: 'Set the status',
          label: 'Status',
          submitLabel: 'Set status',
          options: contactStatuses.map((status) => ({ value: status, label: statusLabels[status] })),
          onAnswer: (status) => act({ type: 'setStatus', status: status as (typeof contactStatuses)[number] }),
        }}
      >
        Set status
      </AskButton>
      {staticSegments.length > 0 ? (
        <AskButton
          {...rows}
          question={{
            title: 'Add to a segment',
            label: 'Static segment',
            submitLabel: 'Add to segment',
            options: staticSegments.map((segment) => ({ value: segment.id, label: segment.name })),
            onAnswer: (segmentId) => act({ type: 'addToSegment', segmentId }),
          }}
        >
          Add to segment
        </AskButton>
      ) : null}
      <BulkDeleteButton {...rows} onDelete={() => act({ type: 'delete' })} />
    </>
  );
}
