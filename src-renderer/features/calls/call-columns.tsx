import type { Call } from '../../../src-shared/domain/call';
import { formatPhone } from '../../../src-shared/phone';
import { Badge } from '../../ui/Badge';
import { formatDateTime, formatDuration, formatWhen } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import type { GridColumn } from '../../ui/VirtualGrid';
import { callIcon, describeCall, isUnanswered } from './call-format';
import type { CallSortField } from './call-pages';
import { SlaTimer } from './SlaTimer';
import { CallMarkers } from './CallMarkers';

/** The call history's columns; notes and who logged it give way first on narrow windows. */
export function callColumns(now: number): GridColumn<Call, CallSortField>[] {
  return [
    {
      id: 'when',
      label: 'When',
      width: '170px',
      sortField: 'startedAt',
      numeric: true,
      cell: (call) => (
        <time dateTime={new Date(call.startedAt).toISOString()} title={formatDateTime(call.startedAt)}>
          {formatWhen(call.startedAt, now)}
        </time>
      ),
    },
    {
      id: 'direction',
      label: 'Call',
      width: '150px',
      hideBelow: 760,
      cell: (call) => (
        <span className={isUnanswered(call) ? 'call-kind call-kind--missed' : 'call-kind'}>
          <Icon name={callIcon(call)} size={16} /> {describeCall(call)}
        </span>
      ),
    },
    { id: 'number', label: 'Number', width: '150px', numeric: true, hideBelow: 760, cell: (call) => formatPhone(call.number) },
    {
      id: 'contact',
      label: 'Contact',
      width: 'minmax(140px, 1.2fr)',
      cell: (call) =>
        call.contactId ? (
          <span className="strong">{call.contactName}</span>
        ) : (
          <span className="muted">
            Unknown · <span className="call-contact--create strong">Create contact</span>
          </span>
        ),
    },
    {
      id: 'duration',
      label: 'Duration',
      width: '84px',
      sortField: 'durationSeconds',
      align: 'end',
      numeric: true,
      hideBelow: 760,
      cell: (call) => (call.durationSeconds > 0 ? formatDuration(call.durationSeconds) : '—'),
    },
    {
      id: 'outcome',
      label: 'Outcome',
      width: 'minmax(130px, 0.9fr)',
      sortField: 'disposition',
      cell: (call) => (
        <span className="call-outcome">
          {call.disposition ? <Badge>{call.disposition}</Badge> : null}
          <CallMarkers call={call} />
        </span>
      ),
    },
    {
      id: 'tags',
      label: 'Tags',
      width: 'minmax(100px, 0.8fr)',
      hideBelow: 1260,
      cell: (call) => (
        <span className="call-tags">
          {call.tags.map((tag) => (
            <Badge key={tag}>{tag}</Badge>
          ))}
        </span>
      ),
    },
    { id: 'callBack', label: 'Call-back', width: '200px', hideBelow: 1000, cell: (call) => (call.callBack ? <SlaTimer callBack={call.callBack} /> : null) },
    { id: 'notes', label: 'Notes', width: 'minmax(120px, 1.4fr)', muted: true, hideBelow: 1260, cell: (call) => <span title={call.notes || undefined}>{call.notes}</span> },
    { id: 'by', label: 'Logged by', width: 'minmax(90px, 0.8fr)', muted: true, hideBelow: 1260, cell: (call) => call.loggedBy },
  ];
}
