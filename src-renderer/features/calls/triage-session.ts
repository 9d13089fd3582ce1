import type { TriageQueue } from '../../../src-shared/domain/call';

// One sitting at the triage desk: the queue as it stood when the sitting began (so a call that gets
// its outcome stays where it was and Previous can go back to it), where the dispatcher is in it, and
// which calls were dealt with. Pure, so the rules are tested without a screen.

export type TriageItem = TriageQueue['items'][number];

export interface TriageSession {
  items: readonly TriageItem[];
  index: number;
  /** Calls given an outcome, or call-backs passed over, in this sitting. */
  handled: ReadonlySet<string>;
  /** Next was pressed on the last call with everything dealt with. */
  finished: boolean;
}

export function startSession(queue: TriageQueue): TriageSession {
  return { items: queue.items, index: 0, handled: new Set(), finished: false };
}

export function currentItem(session: TriageSession): TriageItem | undefined {
  return session.items[session.index];
}

/** "12 of 40 left". */
export function progressText(session: TriageSession): string {
  const left = session.items.length - session.handled.size;
  return `${left} of ${session.items.length} left`;
}

/** Every call of the sitting dealt with, and Next pressed on the last: the desk says so. */
export function isCleared(session: TriageSession): boolean {
  return session.finished && session.handled.size >= session.items.length;
}

/** Marks the current call dealt with (its outcome was just chosen). */
export function markHandled(session: TriageSession, id: string): TriageSession {
  if (session.handled.has(id)) return session;
  return { ...session, handled: new Set([...session.handled, id]) };
}

export type MoveResult = { ok: true; session: TriageSession } | { ok: false; reason: string };

/**
 * Next: refused while the call on screen has no outcome. A call-back that is due already has one;
 * passing it counts it as dealt with (its follow-up stays open on the follow-ups list).
 */
export function next(session: TriageSession, currentOutcome: string): MoveResult {
  const item = currentItem(session);
  if (!item) return { ok: false, reason: 'The queue is empty.' };
  if (!currentOutcome) return { ok: false, reason: 'Choose an outcome for this call before moving on.' };
  const handled = markHandled(session, item.id);
  if (session.index >= session.items.length - 1) return { ok: true, session: { ...handled, finished: true } };
  return { ok: true, session: { ...handled, index: session.index + 1 } };
}

export function previous(session: TriageSession): TriageSession {
  if (session.finished) return { ...session, finished: false };
  return session.index === 0 ? session : { ...session, index: session.index - 1 };
}

/** The outcome a number key picks: 1 for the first of the office's outcomes, 2 for the second… */
export function outcomeForKey(key: string, outcomes: readonly string[]): string | undefined {
  if (!/^[1-9]$/.test(key)) return undefined;
  return outcomes[Number(key) - 1];
}
