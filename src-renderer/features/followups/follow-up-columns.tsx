import type { MouseEvent } from 'react';
import type { FollowUp, FollowUpSortField } from '../../../src-shared/domain/follow-up';
import { Badge } from '../../ui/Badge';
import { formatDateTime, formatWhen } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import type { GridColumn } from '../../ui/VirtualGrid';
import { SlaTimer } from '../calls/SlaTimer';
import { priorityLabels } from './follow-up-format';
import { completeFollowUp, reopenFollowUp } from './hooks';
import { StandingBadge } from './StandingBadge';

const time = (at: number, now: number) => (
  <time dateTime={new Date(at).toISOString()} title={formatDateTime(at)}>
    {formatWhen(at, now)}
  </time>
);

/** Ticks a follow-up done (or open again) without opening its row; Space on the row selects it instead. */
function DoneCell({ followUp, canEdit }: { followUp: FollowUp; canEdit: boolean }) {
  const done = followUp.doneAt !== null;
  return (
    <input
      type="checkbox"
      className="follow-up-cell__done"
      tabIndex={-1}
      checked={done}
      disabled={!canEdit}
      aria-label={done ? `Reopen “${followUp.title}”` : `Mark “${followUp.title}” done`}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      onChange={() => (done ? reopenFollowUp(followUp) : completeFollowUp(followUp))}
    />
  );
}

/** The follow-ups table's columns: what, whose contact, when and how it stands, for whom, how urgent. */
export function followUpColumns(now: number, canEdit: boolean): GridColumn<FollowUp, FollowUpSortField>[] {
  return [
    { id: 'done', label: 'Done', width: '44px', cell: (followUp) => <DoneCell followUp={followUp} canEdit={canEdit} /> },
    {
      id: 'title',
      label: 'Follow-up',
      width: 'minmax(180px, 2fr)',
      sortField: 'title',
      cell: (followUp) => (
        <span className={followUp.doneAt === null ? 'strong truncate' : 'muted truncate follow-up-cell--done'}>
          {followUp.title}
          {followUp.slaRuleId ? (
            <>
              {' '}
              <Badge title="Created by a response-time rule in Settings">Auto</Badge>
            </>
          ) : null}
        </span>
      ),
    },
    { id: 'contact', label: 'Contact', width: 'minmax(120px, 1fr)', sortField: 'contactName', cell: (followUp) => followUp.contactName || <span className="muted">Unnamed contact</span> },
    { id: 'due', label: 'Due', width: '190px', sortField: 'dueAt', numeric: true, cell: (followUp) => time(followUp.dueAt, now) },
    {
      id: 'standing',
      label: 'Standing',
      width: '120px',
      // A call-back an SLA rule made counts its promise down, as on the calls desk.
      cell: (followUp) => (followUp.callId && followUp.slaRuleId ? <SlaTimer callBack={{ ...followUp, slaRuleId: followUp.slaRuleId }} /> : <StandingBadge followUp={followUp} />),
    },
    { id: 'assignee', label: 'For', width: 'minmax(90px, 0.8fr)', sortField: 'assignee', muted: true, hideBelow: 900, cell: (followUp) => followUp.assignee || '—' },
    {
      id: 'priority',
      label: 'Priority',
      width: '96px',
      sortField: 'priority',
      hideBelow: 1000,
      cell: (followUp) =>
        followUp.priority === 'high' ? (
          <Badge tone="warning">
            <Icon name="flag" size={11} /> {priorityLabels.high}
          </Badge>
        ) : (
          <span className="muted">{priorityLabels[followUp.priority]}</span>
        ),
    },
    { id: 'created', label: 'Created', width: '130px', sortField: 'createdAt', muted: true, numeric: true, hideBelow: 1200, cell: (followUp) => time(followUp.createdAt, now) },
    {
      id: 'doneAt',
      label: 'Done at',
      width: '130px',
      sortField: 'doneAt',
      muted: true,
      numeric: true,
      hideBelow: 1200,
      cell: (followUp) => (followUp.doneAt === null ? '—' : time(followUp.doneAt, now)),
    },
  ];
}
