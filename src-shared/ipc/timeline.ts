import { z } from 'zod';
import { TimelineCursorSchema, TimelineItemSchema, timelineKinds } from '../domain/timeline';
import { channel, Id } from './channel';

// A contact's history, newest first; the counterpart is src-main/timeline/handlers.ts.

export const timelineChannels = {
  'timeline.list': channel({
    summary: "A contact's timeline, newest first, paged, filterable by kind.",
    input: z.object({
      contactId: Id,
      kinds: z.array(z.enum(timelineKinds)).max(timelineKinds.length).default([]),
      before: TimelineCursorSchema.optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ items: z.array(TimelineItemSchema), nextCursor: TimelineCursorSchema.nullable() }),
  }),
};
