import { z } from 'zod';
import { ContactListItemSchema, contactSortFields } from '../domain/contact';
import { maxStaticMembers, SegmentDefinitionSchema, SegmentDraftSchema, SegmentSchema } from '../domain/segment';
import { channel, Id } from './channel';

const Sort = z
  .object({ field: z.enum(contactSortFields), direction: z.enum(['asc', 'desc']) })
  .default({ field: 'name', direction: 'asc' });

export const segmentsChannels = {
  'segments.list': channel({
    summary: 'The saved segments this user sees: every shared one and their own personal ones, by name.',
    input: z.object({}).default({}),
    output: z.array(SegmentSchema),
  }),
  'segments.get': channel({
    summary: 'One saved segment.',
    input: z.object({ id: Id }),
    output: SegmentSchema,
  }),
  'segments.save': channel({
    summary: 'Create a segment, or change one (name, definition, kind, shared); a static one is frozen with its members as they are now.',
    input: SegmentDraftSchema,
    output: SegmentSchema,
  }),
  'segments.delete': channel({
    summary: 'Delete a segment (it can be restored, which is how undo works).',
    input: z.object({ id: Id }),
    output: z.object({ id: z.string() }),
  }),
  'segments.restore': channel({
    summary: 'Bring a deleted segment back.',
    input: z.object({ id: Id }),
    output: SegmentSchema,
  }),
  'segments.count': channel({
    summary: 'How many live contacts a definition matches now: the builder’s live count.',
    input: z.object({ definition: SegmentDefinitionSchema }),
    output: z.object({ count: z.number().int() }),
  }),
  'segments.preview': channel({
    summary: 'The first contacts a definition matches, as rows of the contacts list, with the count.',
    input: z.object({ definition: SegmentDefinitionSchema, limit: z.number().int().min(1).max(100).default(10), sort: Sort }),
    output: z.object({ count: z.number().int(), items: z.array(ContactListItemSchema) }),
  }),
  'segments.memberIds': channel({
    summary: 'Every member of a saved segment, by id, for bulk actions.',
    input: z.object({ id: Id }),
    output: z.object({ ids: z.array(z.string()) }),
  }),
  'segments.changeMembers': channel({
    summary: 'Add contacts to a static segment, or take them out; merged member by member with what other laptops do at the same time.',
    input: z.object({ id: Id, add: z.array(Id).max(maxStaticMembers).default([]), remove: z.array(Id).max(maxStaticMembers).default([]) }),
    output: SegmentSchema,
  }),
  'segments.freeze': channel({
    summary: 'Save who a definition matches now as a static segment: a frozen list that no longer follows the definition.',
    input: z.object({ name: SegmentDraftSchema.shape.name, definition: SegmentDefinitionSchema, shared: z.boolean().default(true) }),
    output: SegmentSchema,
  }),
};
