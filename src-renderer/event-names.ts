import type { EventName } from '../src-shared/ipc/events';

// The names of the core's events, for api.ts to listen to on the browser host's stream. They are
// written out here rather than read from src-shared/ipc/events.ts (`eventNames`), because that
// module builds every event's zod schema when it loads, and with them zod and most of the domain
// schemas: the app would evaluate all of it before its first screen. The two checks below fail
// to compile when an event is added to or renamed in the contract and not here.

export const eventNames = [
  'contacts.changed',
  'settings.changed',
  'activity.changed',
  'sync.status',
  'exchange.progress',
  'exchange.finished',
  'pipelines.changed',
  'followups.reminderDue',
  'files.transfer',
  'phone.incomingCall',
  'texts.changed',
  'mail.changed',
  'mail.syncProgress',
  'lock.changed',
  'companies.changed',
  'segments.changed',
  'views.changed',
  'bulk.progress',
  'privacy.upgradeProgress',
] as const satisfies readonly EventName[];

type Unlisted = Exclude<EventName, (typeof eventNames)[number]>;
/** Names the contract's event that this list leaves out; it must stay `never`. */
export const everyEventListed: [Unlisted] extends [never] ? true : Unlisted = true;
