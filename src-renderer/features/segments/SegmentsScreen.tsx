import type { Segment } from '../../../src-shared/domain/segment';
import { useUi } from '../../store';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Cluster } from '../../ui/Cluster';
import { EmptyState } from '../../ui/EmptyState';
import { formatCount } from '../../ui/format';
import { IconButton } from '../../ui/IconButton';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { Table, type TableColumn } from '../../ui/Table';
import { deleteWithUndo } from '../../ui/undoable';
import { routeHash } from '../../routes';
import { useSegments } from './hooks';
import { exportSegment, showSegmentInContacts } from './segment-actions';
import './segments.css';

const columns: TableColumn<Segment>[] = [
  { id: 'name', header: 'Segment', rowHeader: true, cell: (segment) => <a href={routeHash({ name: 'segment', id: segment.id })}>{segment.name}</a> },
  {
    id: 'kind',
    header: 'Kind',
    width: '200px',
    cell: (segment) => (segment.kind === 'static' ? <Badge tone="neutral">Frozen · {formatCount(segment.memberCount, 'contact')}</Badge> : <Badge tone="info">Up to date</Badge>),
  },
  { id: 'shared', header: 'Shared with', width: '140px', muted: true, cell: (segment) => (segment.shared ? 'The team' : 'Only me') },
  { id: 'owner', header: 'Made by', width: '140px', muted: true, cell: (segment) => segment.owner },
  {
    id: 'actions',
    header: <span className="visually-hidden">Actions</span>,
    width: '300px',
    align: 'end',
    cell: (segment) => (
      <Cluster gap="xs" justify="end">
        <Button size="sm" icon="contacts" onClick={() => showSegmentInContacts(segment.id)} aria-label={`Show ${segment.name} in contacts`}>
          Contacts
        </Button>
        <Button size="sm" icon="download" onClick={() => exportSegment(segment.id)} aria-label={`Export ${segment.name}`}>
          Export
        </Button>
        <IconButton
          size="sm"
          icon="trash"
          label={`Delete ${segment.name}`}
          onClick={() => void deleteWithUndo('segments', segment.id, { deleted: `Deleted ${segment.name}`, restored: `Restored ${segment.name}` })}
        />
      </Cluster>
    ),
  },
];

/** The saved segments: open one to edit it, show its members in the contacts list, export or delete it. */
export function SegmentsScreen() {
  const navigate = useUi((state) => state.navigate);
  const segments = useSegments();
  const add = () => navigate({ name: 'segment' });
  let body;
  if (segments.status === 'loading') body = <LoadingState label="Loading segments…" size="block" />;
  else if (!segments.data || segments.data.length === 0) {
    body = (
      <EmptyState
        icon="filter"
        title="No segments yet"
        action={
          <Button variant="primary" icon="plus" onClick={add}>
            Build a segment
          </Button>
        }
      >
        <p>A segment is a list that keeps itself up to date: every landlord in Bristol you have not spoken to in 90 days, every customer with an open quote.</p>
      </EmptyState>
    );
  } else body = <Table caption="Saved segments" columns={columns} rows={segments.data} rowKey={(segment) => segment.id} />;
  return (
    <Screen width="wide">
      <PageHeader
        title="Segments"
        meta={segments.data ? formatCount(segments.data.length, 'segment') : undefined}
        actions={
          <Button variant="primary" icon="plus" onClick={add}>
            New segment
          </Button>
        }
      />
      {body}
    </Screen>
  );
}
