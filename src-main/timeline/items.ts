import type { TimelineItem } from '../../src-shared/domain/timeline';

// How a note or a call reads as an item, the same on a contact's timeline and in the dashboard's
// recent activity.

export const noteKindLabels: Record<string, string> = {
  call: 'Call note',
  email: 'E-mail note',
  meeting: 'Meeting note',
  internal: 'Internal note',
  quote_sent: 'Quote sent',
};

function minutes(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  return `${Math.round(seconds / 60)} min`;
}

export function callItem(call: {
  id: string;
  direction: string;
  duration_seconds: number;
  disposition: string;
  notes: string;
  logged_by: string;
  started_at: number;
}): TimelineItem {
  const direction = call.direction === 'outbound' ? 'Outbound call' : 'Inbound call';
  return {
    key: `call:${call.id}`,
    kind: 'call',
    at: call.started_at,
    actor: call.logged_by,
    title: `${direction}, ${minutes(call.duration_seconds)}, ${call.disposition}`,
    detail: call.notes,
    refId: call.id,
  };
}

/** Newest first; equal times by key, so pages never skip or repeat an item. */
export function newestFirst(a: { at: number; key: string }, b: { at: number; key: string }): number {
  if (a.at !== b.at) return b.at - a.at;
  return a.key < b.key ? 1 : a.key > b.key ? -1 : 0;
}
