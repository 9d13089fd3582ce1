import { useEffect, useRef } from 'react';
import type { ContactListItem } from '../../../src-shared/domain/contact';
import type { Segment } from '../../../src-shared/domain/segment';
import { api } from '../../api';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { formatCount } from '../../ui/format';
import { IconButton } from '../../ui/IconButton';
import { LoadingState } from '../../ui/LoadingState';
import { Stack } from '../../ui/Stack';
import { Table, type TableColumn } from '../../ui/Table';
import { runWithUndo } from '../../ui/undoable';
import { useSegmentMembers, membersShown } from './hooks';

/**
 * A static segment's members, each with a control that takes them out (undone from the toast or
 * with Ctrl+Z, like the builder's other changes). Focus moves to the next member's control, so
 * someone working from the keyboard can take out several in a row.
 */
export function SegmentMembersCard({ segment }: { segment: Segment }) {
  const members = useSegmentMembers(segment.id);
  const tableRef = useRef<HTMLDivElement>(null);
  /** The member whose control takes focus once the list no longer shows the one taken out. */
  const focusNext = useRef<string | null>(null);
  const page = members.latest;

  useEffect(() => {
    const id = focusNext.current;
    if (id === null || !page) return;
    const button = tableRef.current?.querySelector<HTMLButtonElement>(`button[data-member-id="${CSS.escape(id)}"]`);
    if (!button || page.items.length === 0) return;
    focusNext.current = null;
    button.focus();
  }, [page]);

  const remove = async (member: ContactListItem, index: number) => {
    const items = page?.items ?? [];
    const removed = await runWithUndo({
      run: () => api.invoke('segments.changeMembers', { id: segment.id, remove: [member.id] }),
      message: `Took ${member.name} out of ${segment.name}`,
      undo: () => api.invoke('segments.changeMembers', { id: segment.id, add: [member.id] }),
      undoneMessage: `${member.name} is back in ${segment.name}`,
    });
    if (!removed) return;
    focusNext.current = (items[index + 1] ?? items[index - 1])?.id ?? null;
    // The list may already have reloaded (the change event can come before the answer).
    const stillShown = tableRef.current?.querySelector(`button[data-member-id="${CSS.escape(member.id)}"]`);
    if (!stillShown && focusNext.current !== null) {
      tableRef.current?.querySelector<HTMLButtonElement>(`button[data-member-id="${CSS.escape(focusNext.current)}"]`)?.focus();
      focusNext.current = null;
    }
  };

  const columns: TableColumn<ContactListItem>[] = [
    { id: 'name', header: 'Name', rowHeader: true, cell: (item) => item.name },
    { id: 'company', header: 'Company', muted: true, width: '130px', cell: (item) => item.company },
    {
      id: 'remove',
      header: <span className="visually-hidden">Remove</span>,
      width: '48px',
      align: 'end',
      cell: (item, index) => (
        <IconButton icon="close" size="sm" data-member-id={item.id} label={`Take ${item.name} out of ${segment.name}`} onClick={() => void remove(item, index)} />
      ),
    },
  ];

  return (
    <Card title="Members" aside={<span className="muted">{formatCount(segment.memberCount, 'contact')}</span>}>
      {!page ? (
        <LoadingState label="Loading the members…" />
      ) : page.items.length === 0 ? (
        <EmptyState compact icon="contacts" title="Nobody is in this segment" />
      ) : (
        <Stack gap="sm">
          <div ref={tableRef}>
            <Table caption={`Members of ${segment.name}`} columns={columns} rows={page.items} rowKey={(item) => item.id} density="compact" frame="plain" />
          </div>
          {page.total > membersShown ? <p className="muted">and {formatCount(page.total - membersShown, 'more contact')}: show the segment in contacts to see them all</p> : null}
        </Stack>
      )}
    </Card>
  );
}
