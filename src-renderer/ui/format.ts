import type { ContactStatus, Money } from '../../src-shared/domain/contact';

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
