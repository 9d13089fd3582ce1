import { z } from 'zod';
import {
  ContactDraftSchema,
  ContactListPageSchema,
  ContactListQuerySchema,
  ContactPatchSchema,
  ContactSchema,
  DuplicateMatchSchema,
  EmailSchema,
  PhoneInputSchema,
} from '../domain/contact';
import { contactMergeFields } from '../domain/company';
import { channel, Id } from './channel';

export const contactsChannels = {
  'contacts.list': channel({
    summary: 'A page of contacts, filtered, searched and sorted, with the total count.',
    input: ContactListQuerySchema,
    output: ContactListPageSchema,
  }),
  'contacts.get': channel({
    summary: 'One contact with everything on it.',
    input: z.object({ id: Id }),
    output: ContactSchema,
  }),
  'contacts.create': channel({
    summary: 'Create a contact; refused as a duplicate unless allowDuplicate is set.',
    input: z.object({ draft: ContactDraftSchema, allowDuplicate: z.boolean().default(false) }),
    output: ContactSchema,
  }),
  'contacts.update': channel({
    summary: 'Change some fields of a contact; returns it as stored.',
    input: z.object({ id: Id, patch: ContactPatchSchema }),
    output: ContactSchema,
  }),
  'contacts.delete': channel({
    summary: 'Delete a contact (it can be restored, which is how undo works).',
    input: z.object({ id: Id }),
    output: z.object({ id: z.string() }),
  }),
  'contacts.restore': channel({
    summary: 'Bring a deleted contact back.',
    input: z.object({ id: Id }),
    output: ContactSchema,
  }),
  'contacts.findDuplicates': channel({
    summary: 'Existing contacts sharing an e-mail or phone with the given ones.',
    input: z.object({
      phones: z.array(PhoneInputSchema).max(20).default([]),
      emails: z.array(EmailSchema.pick({ address: true })).max(20).default([]),
      excludeId: Id.optional(),
    }),
    output: z.array(DuplicateMatchSchema),
  }),
  'contacts.facets': channel({
    summary: 'The values the list can be filtered by, with counts.',
    input: z.object({}).default({}),
    output: z.object({
      total: z.number().int(),
      tags: z.array(z.object({ name: z.string(), count: z.number().int() })),
      owners: z.array(z.object({ name: z.string(), count: z.number().int() })),
      contactTypes: z.array(z.object({ name: z.string(), count: z.number().int() })),
      statuses: z.array(z.object({ name: z.string(), count: z.number().int() })),
    }),
  }),
  'contacts.setPhoto': channel({
    summary: "Set a contact's picture from an upload (a JPEG, PNG, GIF, WebP or BMP), or remove it with null.",
    input: z.object({ contactId: Id, uploadId: z.string().uuid().nullable() }),
    output: ContactSchema,
  }),
  'contacts.duplicatesOf': channel({
    summary: 'Live contacts sharing an e-mail or a phone with this one: the duplicates its page offers to merge.',
    input: z.object({ id: Id }),
    output: z.array(DuplicateMatchSchema),
  }),
  'contacts.merge': channel({
    summary: 'Merge a duplicate into a contact: each differing field from the side chosen, lists joined, everything attached moved, the other deleted; undoable.',
    input: z.object({ survivorId: Id, otherId: Id, fromOther: z.array(z.enum(contactMergeFields)).max(contactMergeFields.length).default([]) }),
    output: z.object({ survivor: ContactSchema, undoId: z.string().uuid() }),
  }),
  'contacts.unmerge': channel({
    summary: 'Undo a merge: the survivor as it was, the other contact back with everything that was moved.',
    input: z.object({ undoId: z.string().uuid() }),
    output: z.object({ survivor: ContactSchema, restored: ContactSchema }),
  }),
};
