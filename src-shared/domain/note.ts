import { z } from 'zod';
import { EpochMsSchema } from './contact';

export const noteKinds = ['call', 'email', 'meeting', 'internal', 'quote_sent'] as const;
export type NoteKind = (typeof noteKinds)[number];

export const NoteSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  kind: z.enum(noteKinds),
  body: z.string(),
  pinned: z.boolean(),
  author: z.string(),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
});
export type Note = z.infer<typeof NoteSchema>;

/** The longest note, in characters; the note box counts down to it. */
export const noteMaxLength = 20_000;

export const NoteDraftSchema = z.object({
  contactId: z.string().min(1).max(64),
  kind: z.enum(noteKinds).default('internal'),
  body: z.string().trim().min(1, 'A note cannot be empty').max(noteMaxLength, `A note can be ${noteMaxLength.toLocaleString('en-GB')} characters at most`),
  pinned: z.boolean().default(false),
});
export type NoteDraft = z.input<typeof NoteDraftSchema>;

export const NotePatchSchema = z
  .object({
    kind: z.enum(noteKinds),
    body: NoteDraftSchema.shape.body,
    pinned: z.boolean(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Change at least one field');
