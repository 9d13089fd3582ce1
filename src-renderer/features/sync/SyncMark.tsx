import type { SyncTone } from './status-text';

// Drawn like ui/Icon.tsx (24px grid, stroke) and, like it, always decorative: the words beside
// the mark carry the state. Kept here because only sync needs these shapes.
const marks: Record<SyncTone, string> = {
  quiet: 'M4 6a1 1 0 0 1 1-1h14a1 1 0 0 1 1 1v9H4zM2 19h20',
  good: 'M5 12l5 5L20 7',
  busy: 'M20 11a8 8 0 0 0-14.9-3M4 4v4h4M4 13a8 8 0 0 0 14.9 3M20 20v-4h-4',
  waiting: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18M12 7v5l3 2',
  warning: 'M3 3l18 18M17 18H7a4.5 4.5 0 0 1-1.3-8.8M9.5 5.6A6 6 0 0 1 17.8 10a4 4 0 0 1 3 6.3',
  danger: 'M12 9v4M12 17h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0',
};

export function SyncMark({ tone, size = 16 }: { tone: SyncTone; size?: number }) {
  return (
    <svg
      className={`sync-mark sync-mark--${tone}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={marks[tone]} />
    </svg>
  );
}
