import { z } from 'zod';
import { FileTransferSchema } from '../domain/file';
import { SyncStatusSchema } from '../domain/sync';
import { exchangeEvents } from './exchange';
import { phoneEvents } from './phone';
import { mailEvents } from './mail';
import { lockEvents } from './lock';
import { bulkEvents } from './bulk';
import { privacyEvents } from './privacy';

// Events flow core -> renderer only. The Electron shell forwards them with webContents.send,
// the browser host as server-sent events; src-renderer/api.ts subscribes to both the same way.
export const eventSchemas = {
  'contacts.changed': z.object({ ids: z.array(z.string()) }),
  'settings.changed': z.object({}),
  /** Notes, follow-ups, calls or files changed; the ids of the contacts they belong to. */
  'activity.changed': z.object({ contactIds: z.array(z.string()), tables: z.array(z.string()) }),
  /** Follow-ups fell due that no reminder was shown for yet: fetch followups.dueReminders. */
  'sync.status': SyncStatusSchema,
  ...exchangeEvents,
  /** Pipelines, stages or deals changed: boards and figures refresh. */
  'pipelines.changed': z.object({ pipelineIds: z.array(z.string()) }),
  'followups.reminderDue': z.object({ count: z.number().int() }),
  /** A file's bytes started, progressed, failed or finished moving to or from the relay. */
  'files.transfer': FileTransferSchema,
  ...phoneEvents,
  ...mailEvents,
  ...lockEvents,
  /** Companies changed (their people change with contacts.changed): lists and company pages refresh. */
  'companies.changed': z.object({ ids: z.array(z.string()) }),
  /** Saved segments changed (here or from sync): segment lists refresh. */
  'segments.changed': z.object({ ids: z.array(z.string()) }),
  /** Saved views of the lists changed (here or from sync): the views panels refresh. */
  'views.changed': z.object({ ids: z.array(z.string()) }),
  ...bulkEvents,
  ...privacyEvents,
};

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export const eventNames = Object.keys(eventSchemas) as EventName[];

/**
 * The tables an `activity.changed` event names in `tables`, so that a listener can say which it
 * cares about with a checked name rather than a string (src-renderer/ui/live-events.ts).
 */
export const activityTables = ['notes', 'follow_ups', 'calls', 'files', 'deals', 'quotes', 'texts', 'jobs', 'lifecycle_events', 'referrals'] as const;
export type ActivityTable = (typeof activityTables)[number];
