import { JobDraftSchema, type JobStatus } from '../../../src-shared/domain/job';
import type { Core } from '../../../src-main/core/create-core';
import type { ContactDealer } from './people';
import { dayAt, dayMs, type DemoEvent } from './schedule';

// The office's jobs: work done and paid over the last weeks, a couple invoiced and waiting for the
// money, today's and this week's bookings, and new ones not scheduled yet — so the Jobs screen and
// the jobs figures show a firm at work.

const jobs: { title: string; status: JobStatus; days: number; hour: number; invoiced?: number; priority?: 'urgent' | 'high' }[] = [
  { title: 'Replace the cracked roof tiles', status: 'paid', days: -24, hour: 9, invoiced: 2_450_00 },
  { title: 'Re-point the chimney stack', status: 'paid', days: -17, hour: 11, invoiced: 85_00 },
  { title: 'Fix the leaking valley gutter', status: 'paid', days: -12, hour: 14, invoiced: 120_00 },
  { title: 'New uPVC gutter and downpipe', status: 'invoiced', days: -8, hour: 10, invoiced: 380_00 },
  { title: 'Re-plaster the back bedroom', status: 'invoiced', days: -5, hour: 13, invoiced: 465_00 },
  { title: 'Replace the fascia boards', status: 'done', days: -2, hour: 16, priority: 'high' },
  { title: 'Storm damage to the ridge', status: 'in_progress', days: 0, hour: 8, priority: 'urgent' },
  { title: 'Repair the flat roof over the garage', status: 'scheduled', days: 0, hour: 14 },
  { title: 'Fit a roof window in the loft', status: 'scheduled', days: 1, hour: 9 },
  { title: 'Damp survey of the gable wall', status: 'scheduled', days: 3, hour: 11 },
  { title: 'Quote for a loft conversion', status: 'new', days: 6, hour: 10 },
];

export function planJobs(core: Core, dealer: ContactDealer, endAt: number): { events: DemoEvent[]; count: number } {
  const events: DemoEvent[] = jobs.map((job) => {
    const scheduledAt = dayAt(endAt + job.days * dayMs, job.hour);
    // Booked a few days before the work; work still ahead was booked in the last days.
    const bookedAt = Math.min(scheduledAt - 3 * dayMs, endAt - dayMs);
    const contact = dealer.next((candidate) => candidate.type === 'customer');
    return {
      at: bookedAt,
      run: () => {
        core.jobs.create(
          JobDraftSchema.parse({
            contactId: contact.id,
            title: job.title,
            status: job.status,
            priority: job.priority ?? 'normal',
            // A new job is not booked in yet.
            scheduledAt: job.status === 'new' ? null : scheduledAt,
            invoicedMinor: job.invoiced ?? null,
            paidAt: job.status === 'paid' ? Math.min(scheduledAt + 4 * dayMs, endAt - dayMs) : null,
          }),
        );
      },
    };
  });
  return { events, count: jobs.length };
}
