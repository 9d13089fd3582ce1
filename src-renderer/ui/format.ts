import type { ContactStatus, Money } from '../../src-shared/domain/contact';
import { daysBetween } from './dates';

// Display formatting in the user's own locale. Values stay in their stored form everywhere
// else (epoch ms, integer minor units); only these helpers turn them into words.

const countFormat = new Intl.NumberFormat();

export function formatNumber(value: number): string {
  return countFormat.format(value);
}

export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${countFormat.format(count)} ${count === 1 ? singular : plural}`;
}

export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function formatMoney(money: Money): string {
  const value = money.amountMinor / 10 ** currencyDigits(money.currency);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency }).format(value);
  } catch {
    return `${value} ${money.currency}`;
  }
}

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

export function formatDate(epochMs: number): string {
  return dateFormat.format(new Date(epochMs));
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const shortDateFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatTime(epochMs: number): string {
  return timeFormat.format(new Date(epochMs));
}

export function formatDateTime(epochMs: number): string {
  return dateTimeFormat.format(new Date(epochMs));
}

/** "Today, 14:00", "Yesterday, 09:30", "Mon 3 Mar, 09:00", or the full date when far away. */
export function formatWhen(epochMs: number, now: number): string {
  const days = daysBetween(now, epochMs);
  const time = formatTime(epochMs);
  if (days === 0) return `Today, ${time}`;
  if (days === 1) return `Tomorrow, ${time}`;
  if (days === -1) return `Yesterday, ${time}`;
  if (Math.abs(days) < 180) return `${shortDateFormat.format(new Date(epochMs))}, ${time}`;
  return formatDateTime(epochMs);
}

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "in 2 hours", "3 days ago", "now": for due times and reminders. */
export function formatRelative(epochMs: number, now: number): string {
  const minutes = Math.round((epochMs - now) / 60_000);
  if (Math.abs(minutes) < 1) return relativeFormat.format(0, 'minute');
  if (Math.abs(minutes) < 60) return relativeFormat.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relativeFormat.format(hours, 'hour');
  return relativeFormat.format(daysBetween(now, epochMs), 'day');
}

/** "45 s", "3 min", "1 h 05 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${formatNumber(Math.round((bytes / 1024 ** 3) * 10) / 10)} GB`;
  if (bytes >= 1024 ** 2) return `${formatNumber(Math.round((bytes / 1024 ** 2) * 10) / 10)} MB`;
  if (bytes >= 1024) return `${formatNumber(Math.round(bytes / 1024))} KB`;
  return formatCount(bytes, 'byte');
}

/** "Today", "Tomorrow", "3 days overdue"… for follow-up dates, relative to `now`. */
export function describeDueDate(epochMs: number, now: number): { text: string; overdue: boolean; dueToday: boolean } {
  const startOfDay = (ms: number) => {
    const day = new Date(ms);
    day.setHours(0, 0, 0, 0);
    return day.getTime();
  };
  const days = Math.round((startOfDay(epochMs) - startOfDay(now)) / 86_400_000);
  if (days === 0) return { text: 'Today', overdue: false, dueToday: true };
  if (days === 1) return { text: 'Tomorrow', overdue: false, dueToday: false };
  if (days === -1) return { text: 'Yesterday', overdue: true, dueToday: false };
  return { text: formatDate(epochMs), overdue: days < 0, dueToday: false };
}

export const statusLabels: Record<ContactStatus, string> = {
  active: 'Active',
  won: 'Won',
  lost: 'Lost',
  dormant: 'Dormant',
};

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => Array.from(word ?? '')[0]?.toUpperCase() ?? '').join('') || '?';
}
