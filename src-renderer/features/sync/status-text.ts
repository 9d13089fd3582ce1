import type { SyncStatus } from '../../../src-shared/domain/sync';
import { formatCount, formatTime, formatWhen } from '../../ui/format';

export type SyncTone = 'quiet' | 'good' | 'busy' | 'waiting' | 'warning' | 'danger';

/** What the sync indicator and the Team sync panel say about a status, in plain words. */
export interface SyncStatusText {
  /** The one line that must be true at a glance: "Synced", "3 changes waiting", "Offline since 14:05". */
  headline: string;
  /** What it means and what to do, when there is something to say. */
  detail: string | null;
  tone: SyncTone;
}

export function changesWaiting(count: number): string {
  return `${formatCount(count, 'change')} waiting`;
}

/** "14:05" today, otherwise "Yesterday, 14:05" or "Mon 3 Mar, 14:05". */
export function sinceText(epochMs: number, now: number): string {
  const sameDay = new Date(epochMs).toDateString() === new Date(now).toDateString();
  // "5:04 AM" must not break before "AM" in the narrow sidebar.
  return sameDay ? formatTime(epochMs).replace(/ /g, '\u00a0') : formatWhen(epochMs, now);
}

/** "2 files uploading" (or "waiting to upload" while the relay cannot be reached): files attached here whose bytes are not at the relay yet. */
export function uploadsWaiting(count: number, reachable: boolean): string | null {
  if (count === 0) return null;
  return `${formatCount(count, 'file')} ${reachable ? 'uploading' : 'waiting to upload'}`;
}

export function describeSyncStatus(status: SyncStatus, now: number): SyncStatusText {
  const text = describeChanges(status, now);
  const reachable = status.state !== 'offline' && status.state !== 'error';
  const uploads = status.state === 'not_configured' ? null : uploadsWaiting(status.pendingUploads, reachable);
  return uploads ? { ...text, detail: [text.detail, `${uploads}.`].filter(Boolean).join(' ') } : text;
}

function describeChanges(status: SyncStatus, now: number): SyncStatusText {
  const waiting = status.pendingChanges > 0 ? changesWaiting(status.pendingChanges) : null;
  switch (status.state) {
    case 'not_configured':
      return { headline: 'Only on this laptop', detail: 'Team sync is off.', tone: 'quiet' };
    case 'syncing':
      return { headline: 'Syncing…', detail: waiting, tone: 'busy' };
    case 'synced':
      return { headline: 'Synced', detail: setAsideText(status.setAsideChanges), tone: 'good' };
    case 'pending':
      return { headline: waiting ?? 'Synced', detail: waiting ? 'Sending them to the relay.' : null, tone: waiting ? 'waiting' : 'good' };
    case 'offline':
      return {
        headline: status.offlineSince === null ? 'Offline' : `Offline since ${sinceText(status.offlineSince, now)}`,
        detail: waiting
          ? `${waiting}, safe on this laptop until the relay is back.`
          : 'Changes you make stay on this laptop until the relay is back.',
        tone: 'warning',
      };
    case 'error':
      return {
        headline: 'Sync stopped',
        detail: [status.message ?? 'Sync hit a problem; it will try again.', waiting ? `${waiting} on this laptop.` : null]
          .filter(Boolean)
          .join(' '),
        tone: 'danger',
      };
  }
}

/** "Last synced 14:05", or nothing before the first sync of this session. */
export function lastSyncedText(status: SyncStatus, now: number): string | null {
  return status.lastSyncedAt === null ? null : `Last synced ${sinceText(status.lastSyncedAt, now)}`;
}

/** "1 change from another device was set aside", for the status's detail line. */
function setAsideText(count: number): string | null {
  if (count === 0) return null;
  return `${formatCount(count, 'change')} from other devices ${count === 1 ? 'was' : 'were'} set aside (see Team sync).`;
}

/**
 * A member made read-only while changes of theirs were still waiting: the relay refuses them, so
 * they stay on this laptop until an admin gives the role back (they then go at the next sync).
 * Null when nothing is held up that way.
 */
export function readOnlyOutboxText(status: Pick<SyncStatus, 'role' | 'pendingChanges'>): string | null {
  if (status.role !== 'read_only' || status.pendingChanges === 0) return null;
  const count = formatCount(status.pendingChanges, 'change');
  return `${count} made on this laptop could not be sent because your role is read-only. ${status.pendingChanges === 1 ? 'It is' : 'They are'} kept here, and ${status.pendingChanges === 1 ? 'goes' : 'go'} to the team at the next sync after an admin makes you a member again.`;
}
