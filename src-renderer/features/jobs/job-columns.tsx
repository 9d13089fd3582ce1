import type { Job, JobPriority, JobStatus } from '../../../src-shared/domain/job';
import { jobStatusLabels } from '../../../src-shared/domain/job';
import { Badge, type Tone } from '../../ui/Badge';
import { capitalise, formatDateTime, formatMoney, formatWhen } from '../../ui/format';
import type { GridColumn } from '../../ui/VirtualGrid';
import type { JobSortField } from './hooks';

export const jobStatusTones: Record<JobStatus, Tone> = {
  new: 'info',
  scheduled: 'accent',
  in_progress: 'warning',
  done: 'success',
  invoiced: 'warning',
  paid: 'success',
  cancelled: 'neutral',
};

const priorityTones: Record<JobPriority, Tone> = { low: 'neutral', normal: 'neutral', high: 'warning', urgent: 'danger' };

/** The jobs list's columns; the address and who it is assigned to give way first on narrow windows. */
export function jobColumns(now: number): GridColumn<Job, JobSortField>[] {
  return [
    {
      id: 'when',
      label: 'When',
      width: '160px',
      sortField: 'scheduledAt',
      numeric: true,
      cell: (job) =>
        job.scheduledAt === null ? (
          <span className="muted">Not scheduled</span>
        ) : (
          <time dateTime={new Date(job.scheduledAt).toISOString()} title={formatDateTime(job.scheduledAt)}>
            {formatWhen(job.scheduledAt, now)}
          </time>
        ),
    },
    { id: 'title', label: 'Job', width: 'minmax(160px, 1.6fr)', sortField: 'title', cell: (job) => <span className="strong">{job.title}</span> },
    { id: 'contact', label: 'Contact', width: 'minmax(120px, 1fr)', cell: (job) => job.contactName || <span className="muted">{job.contactId ? 'Deleted contact' : `Not linked yet${reachText(job.reach)}`}</span> },
    { id: 'status', label: 'Status', width: '120px', sortField: 'status', cell: (job) => <Badge tone={jobStatusTones[job.status]}>{jobStatusLabels[job.status]}</Badge> },
    {
      id: 'priority',
      label: 'Priority',
      width: '96px',
      hideBelow: 900,
      cell: (job) => (job.priority === 'normal' ? <span className="muted">Normal</span> : <Badge tone={priorityTones[job.priority]}>{capitalise(job.priority)}</Badge>),
    },
    { id: 'assignee', label: 'Assigned to', width: 'minmax(90px, 0.8fr)', muted: true, hideBelow: 1100, cell: (job) => job.assignee },
    { id: 'address', label: 'Address', width: 'minmax(120px, 1.2fr)', muted: true, hideBelow: 1260, cell: (job) => job.address },
    {
      id: 'invoiced',
      label: 'Invoiced',
      width: '110px',
      align: 'end',
      numeric: true,
      cell: (job) => (job.invoicedMinor === null ? '—' : formatMoney({ amountMinor: job.invoicedMinor, currency: job.currency })),
    },
  ];
}

/** "· 07700 900123": what a job without a contact was booked with. */
function reachText(reach: Job['reach']): string {
  const known = [reach.company, reach.phone, reach.email].filter(Boolean);
  return known.length > 0 ? ` · ${known[0]}` : '';
}
