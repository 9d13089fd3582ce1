// Local-time arithmetic for the renderer. The core stores and compares epoch milliseconds; what
// "today" or "this week" means depends on the user's time zone, which only the renderer knows,
// so these boundaries are computed here and sent with each request.

const dayMs = 24 * 60 * 60 * 1000;

export function endOfToday(now: number = Date.now()): number {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end.getTime();
}

export function startOfDay(epochMs: number): number {
  const start = new Date(epochMs);
  start.setHours(0, 0, 0, 0);
  return start.getTime();
}

/** 1 = Monday … 7 = Sunday, from the user's locale where the browser knows it. */
function firstDayOfWeek(): number {
  try {
    const locale = new Intl.Locale(navigator.language) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    return locale.getWeekInfo?.().firstDay ?? locale.weekInfo?.firstDay ?? 1;
  } catch {
    return 1;
  }
}

export function startOfWeek(now: number = Date.now()): number {
  const day = new Date(startOfDay(now));
  const weekday = day.getDay() === 0 ? 7 : day.getDay();
  const back = (weekday - firstDayOfWeek() + 7) % 7;
  day.setDate(day.getDate() - back);
  return day.getTime();
}

const pad = (value: number) => String(value).padStart(2, '0');

/** yyyy-mm-dd in local time, as a date input holds it; '' for no date. */
export function toDateInput(epochMs: number | null): string {
  if (epochMs === null) return '';
  const day = new Date(epochMs);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** A yyyy-mm-dd date (a date input, a custom date field) is the start of that day in local time; null when it is not one. */
export function fromDateInput(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

/** hh:mm in local time, as a time input holds it. */
export function toTimeInput(epochMs: number): string {
  const at = new Date(epochMs);
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** A local date and time from a date input and a time input; null when either is not a valid value. */
export function fromDateAndTime(date: string, time: string): number | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time || '00:00');
  if (!day || !clock) return null;
  const at = new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]), Number(clock[1]), Number(clock[2]));
  return Number.isNaN(at.getTime()) ? null : at.getTime();
}

export function daysBetween(from: number, to: number): number {
  return Math.round((startOfDay(to) - startOfDay(from)) / dayMs);
}
