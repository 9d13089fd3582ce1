import type { Call } from '../../../src-shared/domain/call';
import { sentimentLabel } from '../../../src-shared/domain/telephony';
import type { BadgeTone } from '../../ui/Badge';

// How the phone line's calls and texts read on screen.

export const formatDay = (epochMs: number) => new Date(epochMs).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
export const formatMoment = (epochMs: number) =>
  new Date(epochMs).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

export function formatDuration(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

const statusWords: Record<Call['status'], string> = {
  queued: 'Dialing',
  ringing: 'Ringing',
  'in-progress': 'In progress',
  completed: 'Completed',
  busy: 'Missed (busy)',
  failed: 'Failed',
  'no-answer': 'Missed',
  canceled: 'Hung up',
};

export const callStatusLabel = (status: Call['status']) => statusWords[status];

export function callStatusTone(status: Call['status']): BadgeTone {
  if (status === 'completed') return 'success';
  if (status === 'in-progress' || status === 'ringing' || status === 'queued') return 'info';
  if (status === 'canceled') return 'neutral';
  return 'danger';
}

export function sentimentTone(score: number): BadgeTone {
  const label = sentimentLabel(score);
  return label === 'positive' ? 'success' : label === 'negative' ? 'danger' : 'neutral';
}

export const sentimentWords = { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' } as const;
