import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Mail's tables, re-exported by src-main/db/schema.ts so that drizzle-kit sees them.
// Only mail_messages syncs (its columns are listed in src-main/writes/synced-tables.ts); every
// other table here belongs to this laptop: its accounts, where each message sits on the
// server, the headers of messages of no contact, and the outbox.

const alive = sql`cl % 2 = 1`;

/**
 * A message kept because it concerns a contact. Its id is derived from its Message-ID, so two
 * laptops syncing the same mailbox (or two teammates copied on one e-mail) make one row.
 * Which contacts it belongs to is not stored: mail_message_addresses joined with
 * contact_emails says so on every laptop, also for contacts created after the message.
 */
export const mailMessages = sqliteTable(
  'mail_messages',
  {
    id: text('id').primaryKey(),
    messageId: text('message_id').notNull().default(''),
    threadId: text('thread_id').notNull().default(''),
    inReplyTo: text('in_reply_to').notNull().default(''),
    /** JSON array of Message-IDs (the References header). */
    refs: text('refs').notNull().default('[]'),
    subject: text('subject').notNull().default(''),
    fromAddress: text('from_address').notNull().default(''),
    fromName: text('from_name').notNull().default(''),
    /** JSON arrays of { name, address }. */
    toAddresses: text('to_addresses').notNull().default('[]'),
    ccAddresses: text('cc_addresses').notNull().default('[]'),
    sentAt: integer('sent_at').notNull().default(0),
    bodyText: text('body_text').notNull().default(''),
    bodyHtml: text('body_html'),
    /** JSON array of { fileId, name, mimeType, sizeBytes, sha256 }. */
    attachments: text('attachments').notNull().default('[]'),
    /** The address of the mailbox it came from. */
    mailbox: text('mailbox').notNull().default(''),
    direction: text('direction').notNull().default('received'),
    createdAt: integer('created_at').notNull().default(0),
    cl: integer('cl').notNull().default(1),
    /** Local key in mail_fts. Not synced. */
    searchRowid: integer('search_rowid'),
    /** 1 when written for a private account: never logged for the relay. Not synced. */
    localOnly: integer('local_only').notNull().default(0),
  },
  (table) => [
    index('mail_messages_thread').on(table.threadId, table.sentAt).where(alive),
    index('mail_messages_sent').on(table.sentAt).where(alive),
    index('mail_messages_message_id').on(table.messageId),
    uniqueIndex('mail_messages_search_rowid').on(table.searchRowid),
  ],
);

/** Derived from mail_messages by the write path: every lower-cased address of From, To, Cc. */
export const mailMessageAddresses = sqliteTable(
  'mail_message_addresses',
  {
    messageId: text('message_id').notNull(),
    address: text('address').notNull(),
    role: text('role').notNull(),
  },
  (table) => [primaryKey({ columns: [table.messageId, table.role, table.address] }), index('mail_message_addresses_address').on(table.address, table.messageId)],
);

export const mailAccounts = sqliteTable('mail_accounts', {
  id: text('id').primaryKey(),
  email: text('email').notNull(),
  displayName: text('display_name').notNull().default(''),
  preset: text('preset').notNull().default('other'),
  imapHost: text('imap_host').notNull(),
  imapPort: integer('imap_port').notNull(),
  imapSecurity: text('imap_security').notNull(),
  imapUsername: text('imap_username').notNull(),
  smtpHost: text('smtp_host').notNull(),
  smtpPort: integer('smtp_port').notNull(),
  smtpSecurity: text('smtp_security').notNull(),
  smtpUsername: text('smtp_username').notNull(),
  /** JSON array of the folders ticked besides INBOX and Sent. */
  folders: text('folders').notNull().default('[]'),
  windowMonths: integer('window_months').notNull().default(12),
  private: integer('private').notNull().default(0),
  createdAt: integer('created_at').notNull(),
  lastSyncAt: integer('last_sync_at'),
});

/** The server's folders of an account and how far each is synced. */
export const mailFolders = sqliteTable(
  'mail_folders',
  {
    accountId: text('account_id').notNull(),
    path: text('path').notNull(),
    name: text('name').notNull(),
    specialUse: text('special_use'),
    /** As text: the server's 32-bit and 63-bit numbers, never rounded. */
    uidValidity: text('uid_validity'),
    uidNext: integer('uid_next'),
    highestModseq: text('highest_modseq'),
    messageCount: integer('message_count'),
    /** Set once every message of the window was looked at; until then a sync resumes it. */
    windowDone: integer('window_done').notNull().default(0),
    syncedAt: integer('synced_at'),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.path] })],
);

/** Where a kept message sits on the server; a message in two folders has two rows. */
export const mailLocations = sqliteTable(
  'mail_locations',
  {
    accountId: text('account_id').notNull(),
    folder: text('folder').notNull(),
    uid: integer('uid').notNull(),
    messageId: text('message_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.folder, table.uid] }), index('mail_locations_message').on(table.messageId)],
);

/**
 * Messages of no contact: headers only (never a body), on this laptop only. They let a message
 * be fetched when its contact appears later, and offer "create contact from sender".
 */
export const mailSkipped = sqliteTable(
  'mail_skipped',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    folder: text('folder').notNull(),
    uid: integer('uid').notNull(),
    messageId: text('message_id').notNull().default(''),
    fromAddress: text('from_address').notNull().default(''),
    fromName: text('from_name').notNull().default(''),
    subject: text('subject').notNull().default(''),
    sentAt: integer('sent_at').notNull().default(0),
    /** 1 once a contact has one of its addresses: the sync job fetches and keeps it. */
    wanted: integer('wanted').notNull().default(0),
  },
  (table) => [
    uniqueIndex('mail_skipped_location').on(table.accountId, table.folder, table.uid),
    index('mail_skipped_wanted').on(table.accountId, table.wanted),
    index('mail_skipped_recent').on(table.sentAt),
  ],
);

export const mailSkippedAddresses = sqliteTable(
  'mail_skipped_addresses',
  {
    skippedId: text('skipped_id').notNull(),
    address: text('address').notNull(),
  },
  (table) => [primaryKey({ columns: [table.skippedId, table.address] }), index('mail_skipped_addresses_address').on(table.address)],
);

/** Messages written here to be sent; kept until sent (then the message is a mail_messages row). */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    state: text('state').notNull().default('waiting'),
    reason: text('reason').notNull().default(''),
    /** The whole message as it goes out (RFC 5322), built once so a retry sends the same bytes. */
    raw: text('raw').notNull(),
    toAddresses: text('to_addresses').notNull().default('[]'),
    ccAddresses: text('cc_addresses').notNull().default('[]'),
    subject: text('subject').notNull().default(''),
    bodyText: text('body_text').notNull().default(''),
    threadId: text('thread_id'),
    /** The kept message's id, known in advance from the Message-ID the outbox chose. */
    messageRowId: text('message_row_id').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull().default(0),
    /** 1 once the copy is in the Sent folder (or the provider files it itself). */
    filed: integer('filed').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (table) => [index('mail_outbox_state').on(table.state, table.nextAttemptAt)],
);
