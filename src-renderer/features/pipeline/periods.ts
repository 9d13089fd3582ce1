import { fromDateInput } from '../../ui/dates';

// Reporting periods in local time, as half-open [from, to) epoch-ms ranges, which is what the
// core's funnel and owner figures take (src-shared/ipc/pipeline.ts).

export interface Period {
  from: number;
  to: number;
}

export const funnelPeriods = ['month', 'quarter', 'year', 'custom'] as const;
export type FunnelPeriod = (typeof funnelPeriods)[number];
export const funnelPeriodLabels: Record<FunnelPeriod, string> = {
  month: 'This month',
  quarter: 'Last 3 months',
  year: 'This year',
  custom: 'Custom',
};

export const ownerPeriods = ['week', 'month', 'quarter'] as const;
export type OwnerPeriod = (typeof ownerPeriods)[number];
export const ownerPeriodLabels: Record<OwnerPeriod, string> = {
  week: 'This week',
  month: 'This month',
  quarter: 'This quarter',
};

export function funnelPeriod(kind: Exclude<FunnelPeriod, 'custom'>, now: number): Period {
  const today = new Date(now);
  const year = today.getFullYear();
  const month = today.getMonth();
  if (kind === 'month') return { from: new Date(year, month, 1).getTime(), to: new Date(year, month + 1, 1).getTime() };
  if (kind === 'quarter') return { from: new Date(year, month - 2, 1).getTime(), to: new Date(year, month + 1, 1).getTime() };
  return { from: new Date(year, 0, 1).getTime(), to: new Date(year + 1, 0, 1).getTime() };
}

/** From and to dates as typed, both days included; null until they make a valid range. */
export function customPeriod(fromText: string, toText: string): Period | null {
  const from = fromDateInput(fromText);
  const lastDay = fromDateInput(toText);
  if (from === null || lastDay === null) return null;
  const end = new Date(lastDay);
  const to = new Date(end.getFullYear(), end.getMonth(), end.getDate() + 1).getTime();
  return from < to ? { from, to } : null;
}

export function ownerPeriod(kind: OwnerPeriod, now: number): Period {
  const today = new Date(now);
  const year = today.getFullYear();
  const month = today.getMonth();
  if (kind === 'week') {
    // Weeks start on Monday, as a working week does.
    const sinceMonday = (today.getDay() + 6) % 7;
    const monday = new Date(year, month, today.getDate() - sinceMonday);
    return { from: monday.getTime(), to: new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 7).getTime() };
  }
  if (kind === 'month') return { from: new Date(year, month, 1).getTime(), to: new Date(year, month + 1, 1).getTime() };
  const quarterStart = month - (month % 3);
  return { from: new Date(year, quarterStart, 1).getTime(), to: new Date(year, quarterStart + 3, 1).getTime() };
}
