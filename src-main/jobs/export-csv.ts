import { jobStatusLabels, type Job } from '../../src-shared/domain/job';
import { formatMoney } from '../../src-shared/money';
import { localDateTime } from '../../src-shared/office-time';
import type { PeopleColumn } from '../exchange/export/people-csv';
import type { OfficeClock } from '../calls/report-facts';

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function bookedWith(reach: Job['reach']): string {
  const items: [string, string][] = [['Company', reach.company], ['Phone', reach.phone], ['E-mail', reach.email]];
  return items.filter(([, value]) => value).map(([label, value]) => `${label}: ${value}`).join('; ');
}

/**
 * The jobs list as a file for people (docs/calls-and-jobs.md, "Exporting jobs"): the columns the
 * list shows, times as the office reads them beside the ISO form a sheet reads as a date, amounts
 * as the office writes them. When the jobs list gains a column, add it here too.
 */
export function jobCsvColumns(office: OfficeClock): PeopleColumn<Job>[] {
  const when = (at: number | null) => (at === null ? '' : office.dateTime.format(at));
  const iso = (at: number | null) => (at === null ? '' : localDateTime(at, office.timeZone));
  return [
    { header: 'Job', value: (job) => job.title },
    { header: 'Contact', value: (job) => job.contactName },
    // A job booked before its contact was known: what the office has to reach them by, each item led
    // by its label as in the accountant's file, so a number keeps its leading zero without a mark.
    { header: 'Booked with', value: (job) => (job.contactId ? '' : bookedWith(job.reach)) },
    { header: 'Status', value: (job) => jobStatusLabels[job.status] },
    { header: 'Priority', value: (job) => capitalise(job.priority) },
    { header: 'Assigned to', value: (job) => job.assignee },
    { header: 'Scheduled', value: (job) => when(job.scheduledAt) },
    { header: 'Scheduled (ISO, office time zone)', ours: true, value: (job) => iso(job.scheduledAt) },
    { header: 'Address', value: (job) => job.address },
    { header: 'Invoiced', ours: true, value: (job) => (job.invoicedMinor === null ? '' : formatMoney(job.invoicedMinor, job.currency, office.locale)) },
    { header: 'Paid', value: (job) => when(job.paidAt) },
    { header: 'Created', value: (job) => when(job.createdAt) },
    { header: 'Description', value: (job) => job.description },
  ];
}
