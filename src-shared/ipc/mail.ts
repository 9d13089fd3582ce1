import { z } from 'zod';
import { EpochMsSchema } from '../domain/contact';
import {
  ConnectionCheckSchema,
  MailAccountDraftSchema,
  MailAccountPatchSchema,
  MailAccountSchema,
  MailFolderSchema,
  MailMessageSchema,
  MailMessageSummarySchema,
  mailPassword,
  MailSyncProgressSchema,
  MailThreadSchema,
  OutboxItemSchema,
  SendMailSchema,
  UnlinkedMessageSchema,
} from '../domain/mail';
import { channel } from './channel';

// Mail: accounts of this laptop, kept messages, the outbox. The core's side is
// src-main/mail/handlers.ts.

const Id = z.string().min(1).max(64);
const ById = z.object({ id: Id });
const ByAccount = z.object({ accountId: Id });

export const mailChannels = {
  'mail.testConnection': channel({
    summary: 'Signs in to IMAP and SMTP with these settings; says in plain words what failed. Lists the folders.',
    input: z.object({ draft: MailAccountDraftSchema, password: mailPassword }),
    output: z.object({ imap: ConnectionCheckSchema, smtp: ConnectionCheckSchema, folders: z.array(MailFolderSchema) }),
  }),
  'mail.addAccount': channel({
    summary: 'Connects a mailbox after a successful sign-in; the password is sealed on this laptop. Sync starts at once.',
    input: z.object({ draft: MailAccountDraftSchema, password: mailPassword }),
    output: MailAccountSchema,
  }),
  'mail.updateAccount': channel({
    summary: 'Changes an account’s servers, folders, window or privacy; a new password when given.',
    input: z.object({ id: Id, patch: MailAccountPatchSchema, password: mailPassword.optional() }),
    output: MailAccountSchema,
  }),
  'mail.removeAccount': channel({
    summary: 'Disconnects a mailbox and deletes its password from this laptop; kept messages stay.',
    input: ById,
    output: z.object({ id: z.string() }),
  }),
  'mail.accounts': channel({
    summary: 'The mailboxes connected on this laptop, with how their sync stands.',
    input: z.object({}).default({}),
    output: z.array(MailAccountSchema),
  }),
  'mail.folders': channel({
    summary: 'An account’s folders on the server, and which are synced.',
    input: ByAccount,
    output: z.array(MailFolderSchema),
  }),
  'mail.syncNow': channel({
    summary: 'Syncs one account (or all) now, in the background; progress comes as mail.syncProgress.',
    input: z.object({ accountId: Id.optional() }),
    output: z.object({ accountIds: z.array(z.string()) }),
  }),
  'mail.cancelSync': channel({
    summary: 'Stops an account’s sync; what was synced is kept, and mail.syncNow carries on.',
    input: ByAccount,
    output: MailSyncProgressSchema,
  }),
  'mail.messages': channel({
    summary: 'Kept messages, newest first: of one contact, or all.',
    input: z.object({
      contactId: Id.optional(),
      limit: z.number().int().min(1).max(500).default(50),
      before: z.object({ at: EpochMsSchema, id: z.string().max(64) }).optional(),
    }),
    output: z.array(MailMessageSummarySchema),
  }),
  'mail.threads': channel({
    summary: 'A contact’s conversations, newest first.',
    input: z.object({ contactId: Id }),
    output: z.array(MailThreadSchema),
  }),
  'mail.thread': channel({
    summary: 'The messages of one conversation, oldest first, and what of it waits in the outbox.',
    input: z.object({ threadId: Id }),
    output: z.object({ messages: z.array(MailMessageSchema), outbox: z.array(OutboxItemSchema) }),
  }),
  'mail.get': channel({ summary: 'One kept message with its body and attachments.', input: ById, output: MailMessageSchema }),
  'mail.delete': channel({
    summary: 'Deletes a kept message from the CRM (not from the mailbox).',
    input: ById,
    output: z.object({ id: z.string() }),
  }),
  'mail.send': channel({
    summary: 'Puts a new message or a reply in the outbox; it is sent as soon as the server can be reached.',
    input: SendMailSchema,
    output: OutboxItemSchema,
  }),
  'mail.outbox': channel({
    summary: 'Messages waiting, failed, or sent in the last 7 days.',
    input: z.object({}).default({}),
    output: z.array(OutboxItemSchema),
  }),
  'mail.cancelOutbox': channel({
    summary: 'Takes a waiting or failed message out of the outbox.',
    input: ById,
    output: z.object({ id: z.string() }),
  }),
  'mail.retryOutbox': channel({ summary: 'Tries a failed message again.', input: ById, output: OutboxItemSchema }),
  'mail.unlinked': channel({
    summary: 'Recent messages of no contact (headers only, this laptop only), for "create contact from sender".',
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }),
    output: z.array(UnlinkedMessageSchema),
  }),
  'mail.createContactFromSender': channel({
    summary: 'Creates a contact for the sender of an unlinked message; their messages are then kept.',
    input: z.object({ id: Id, name: z.string().trim().max(200).optional() }),
    output: z.object({ contactId: z.string() }),
  }),
};

export const mailEvents = {
  /** Kept messages or the outbox changed; the contacts they concern. */
  'mail.changed': z.object({ messageIds: z.array(z.string()), contactIds: z.array(z.string()), outbox: z.boolean() }),
  'mail.syncProgress': MailSyncProgressSchema,
};
