import type { AuditLink, AuditRow } from '../../../src-shared/ipc/audit';
import type { Route } from '../../routes';
import type { GlobalDialog } from '../../store';
import { Avatar } from '../../ui/Avatar';
import { formatDateTime } from '../../ui/format';
import type { TableColumn } from '../../ui/Table';
import { fieldLabel, recordKindOf } from './audit-filters';

/** Where a link of the audit trail goes: a contact's or company's page, or a deal's dialog. */
export type OpenRecord = (target: { route: Route } | { dialog: GlobalDialog }) => void;

function targetOf(link: AuditLink): { route: Route } | { dialog: GlobalDialog } {
  if (link.kind === 'contact') return { route: { name: 'contact', id: link.id } };
  if (link.kind === 'company') return { route: { name: 'company', id: link.id } };
  return { dialog: { kind: 'deal', id: link.id } };
}

function RecordCell({ row, onOpen }: { row: AuditRow; onOpen: OpenRecord }) {
  const name = row.label ?? 'Unnamed record';
  return (
    <span className="audit-record">
      {row.link ? (
        <button type="button" className="audit-record__link" onClick={() => onOpen(targetOf(row.link!))}>
          {name}
        </button>
      ) : (
        <span className={row.label ? undefined : 'muted'} title={row.label ? 'No longer on this laptop' : row.rowId}>
          {name}
        </span>
      )}
      <span className="meta">{recordKindOf(row.table)}</span>
    </span>
  );
}

/** `updated_at` goes with every edit: named only when it is all that changed. */
function shownFields(fields: string[]): string[] {
  const meaningful = fields.filter((field) => field !== 'updated_at');
  return meaningful.length > 0 ? meaningful : fields;
}

export function auditColumns(onOpen: OpenRecord, thisDevice: string): TableColumn<AuditRow>[] {
  return [
    {
      id: 'at',
      header: 'When',
      width: '190px',
      cell: (row) => <time dateTime={new Date(row.at).toISOString()}>{formatDateTime(row.at)}</time>,
    },
    {
      id: 'member',
      header: 'Member',
      width: '200px',
      rowHeader: true,
      cell: (row) => (
        <span className="audit-member">
          <Avatar name={row.member || '?'} size="sm" />
          <span className="truncate">{row.member || 'Someone unnamed'}</span>
        </span>
      ),
    },
    { id: 'record', header: 'Record', cell: (row) => <RecordCell row={row} onOpen={onOpen} /> },
    {
      id: 'fields',
      header: 'Changed',
      cell: (row) => <span className="truncate audit-fields" title={row.fields.map(fieldLabel).join(', ')}>{shownFields(row.fields).map(fieldLabel).join(', ')}</span>,
    },
    {
      id: 'device',
      header: 'Device',
      width: '150px',
      muted: true,
      cell: (row) => (row.local ? thisDevice : <span title={row.deviceId}>Device {row.deviceId.slice(0, 8)}</span>),
    },
  ];
}
