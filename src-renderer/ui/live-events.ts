import type { ActivityTable, EventName, EventPayload } from '../../src-shared/ipc/events';
import { api } from '../api';

// Which core events mean that data on screen may be out of date. A screen lists them once and
// hands them to useLiveData or usePagedRows; both also reload after a resync (api.onResync).
//
//   reloadOn: [contactsChanged(contactId), activityChanged(['notes'], contactId), pipelinesChanged()]

/** One event of the contract, and which of its payloads concern the data. */
export interface LiveEvent {
  readonly event: EventName;
  readonly matches: (payload: unknown) => boolean;
}

/** Any event of the contract (src-shared/ipc/events.ts), with a typed test of its payload. */
export function onEvent<E extends EventName>(event: E, when?: (payload: EventPayload<E>) => boolean): LiveEvent {
  return { event, matches: (payload) => !when || when(payload as EventPayload<E>) };
}

/** An empty id list stands for "any": the core sends one when it cannot say which. */
function concerns(ids: readonly string[], id: string | undefined): boolean {
  return id === undefined || ids.length === 0 || ids.includes(id);
}

/** Contacts changed: any, or only the one given. */
export function contactsChanged(contactId?: string): LiveEvent {
  return onEvent('contacts.changed', ({ ids }) => concerns(ids, contactId));
}

/** Notes, calls, follow-ups, files, deals or quotes changed: of any kind or those given, of any contact or the one given. */
export function activityChanged(tables?: readonly ActivityTable[], contactId?: string): LiveEvent {
  return onEvent(
    'activity.changed',
    (payload) =>
      (!tables || payload.tables.length === 0 || payload.tables.some((table) => (tables as readonly string[]).includes(table))) &&
      concerns(payload.contactIds, contactId),
  );
}

/** Pipelines, stages or deals changed: any, or the pipeline given. */
export function pipelinesChanged(pipelineId?: string): LiveEvent {
  return onEvent('pipelines.changed', ({ pipelineIds }) => concerns(pipelineIds, pipelineId));
}

/** Follow-ups fell due: their standing and the overdue counts move. */
export const remindersDue: LiveEvent = onEvent('followups.reminderDue');

/**
 * Calls `onChange` for every matching event and after every resync. `current` is read at each
 * event, so the tests may close over values that change between renders.
 */
export function subscribeLive(current: () => readonly LiveEvent[], onChange: () => void): () => void {
  const names = [...new Set(current().map((live) => live.event))];
  const stops = names.map((name) =>
    api.on(name, (payload: unknown) => {
      if (current().some((live) => live.event === name && live.matches(payload))) onChange();
    }),
  );
  stops.push(api.onResync(onChange));
  return () => {
    for (const stop of stops) stop();
  };
}

/** A key that changes when the set of event names does, to subscribe again only then. */
export function eventNamesKey(events: readonly LiveEvent[]): string {
  return [...new Set(events.map((live) => live.event))].sort().join(' ');
}
