import { z } from 'zod';

// Events flow core -> renderer only. The Electron shell forwards them with webContents.send,
// the browser host as server-sent events; src-renderer/api.ts subscribes to both the same way.
export const eventSchemas = {
  'contacts.changed': z.object({ ids: z.array(z.string()) }),
  'settings.changed': z.object({}),
};

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export const eventNames = Object.keys(eventSchemas) as EventName[];
