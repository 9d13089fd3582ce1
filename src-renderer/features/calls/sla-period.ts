import { startOfDay, startOfWeek } from '../../ui/dates';
import { customPeriod } from '../pipeline/periods';

// The periods a report of the calls desk covers, as local-time boundaries (the core compares epoch
// milliseconds), as the SLA report offers them; dates as typed are read as the pipeline's numbers read them.

export const reportPeriods = ['today', 'week', 'last7', 'last30', 'custom'] as const;
export type ReportPeriod = (typeof reportPeriods)[number];
export const reportPeriodLabels: Record<ReportPeriod, string> = {
  today: 'Today',
  week: 'This week',
  last7: 'Last 7 days',
  last30: 'Last 30 days',
  custom: 'Dates…',
};

const dayMs = 24 * 60 * 60 * 1000;

/** From the start of the first day to the start of the day after the last; null when the dates do not make a period. */
export function periodBounds(period: ReportPeriod, now: number, custom: { from: string; to: string }): { from: number; to: number } | null {
  const tomorrow = startOfDay(now + dayMs);
  switch (period) {
    case 'today':
      return { from: startOfDay(now), to: tomorrow };
    case 'week':
      return { from: startOfWeek(now), to: tomorrow };
    case 'last7':
      return { from: startOfDay(now - 6 * dayMs), to: tomorrow };
    case 'last30':
      return { from: startOfDay(now - 29 * dayMs), to: tomorrow };
    case 'custom':
      return customPeriod(custom.from, custom.to);
  }
}
