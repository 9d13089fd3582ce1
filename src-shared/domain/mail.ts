import { z } from 'zod';
import { EpochMsSchema } from './contact';

// Mail: accounts of this laptop (never synced), the messages kept because they concern a
// contact (synced to the team unless the account is private), and the outbox.

export const mailSecurityModes = ['tls', 'starttls', 'none'] as const;
export type MailSecurity = (typeof mailSecurityModes)[number];

export const mailPresetIds = ['gmail', 'outlook', 'icloud', 'fastmail', 'yahoo', 'other'] as const;
export type MailPresetId = (typeof mailPresetIds)[number];

export interface MailServer {
  host: string;
  port: number;
  security: MailSecurity;
}

export interface MailPreset {
  id: MailPresetId;
  label: string;
  imap: MailServer;
  smtp: MailServer;
  /** Whether the provider refuses the account's own password over IMAP. */
  appPassword: 'required' | 'not-needed';
  /** What to tell the user before they type a password. */
  note: string;
  /** The provider files what its SMTP server sends in Sent by itself: no IMAP APPEND then. */
  savesSentCopy: boolean;
}

/** Server settings of common providers, as each documents them for IMAP and SMTP clients. */
export const mailPresets: readonly MailPreset[] = [
  {
    id: 'gmail',
    label: 'Gmail / Google Workspace',
    imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
    appPassword: 'required',
    note: 'Google needs an app password: turn on 2-Step Verification, then make one at myaccount.google.com → Security → App passwords. Your normal password will be refused.',
    savesSentCopy: true,
  },
  {
    id: 'outlook',
    label: 'Outlook.com / Microsoft 365',
    imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
    appPassword: 'required',
    note: 'Microsoft accepts a password over IMAP only where app passwords are allowed (2-step verification on, or your Microsoft 365 admin permits IMAP and SMTP sign-in). Make an app password in your Microsoft account’s security settings.',
    savesSentCopy: true,
  },
  {
    id: 'icloud',
    label: 'iCloud Mail',
    imap: { host: 'imap.mail.me.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.mail.me.com', port: 587, security: 'starttls' },
    appPassword: 'required',
    note: 'Apple needs an app-specific password: make one at account.apple.com → Sign-In and Security → App-Specific Passwords. If the full address is refused as the user name, try the part before the @.',
    savesSentCopy: false,
  },
  {
    id: 'fastmail',
    label: 'Fastmail',
    imap: { host: 'imap.fastmail.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.fastmail.com', port: 465, security: 'tls' },
    appPassword: 'required',
    note: 'Fastmail needs an app password: Settings → Privacy & Security → Connected apps & API tokens → Manage app passwords, with access to IMAP and SMTP.',
    savesSentCopy: false,
  },
  {
    id: 'yahoo',
    label: 'Yahoo Mail',
    imap: { host: 'imap.mail.yahoo.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.mail.yahoo.com', port: 465, security: 'tls' },
    appPassword: 'required',
    note: 'Yahoo needs an app password: Account Info → Account Security → Generate app password.',
    savesSentCopy: false,
  },
  {
    id: 'other',
    label: 'Another provider',
    imap: { host: '', port: 993, security: 'tls' },
    smtp: { host: '', port: 587, security: 'starttls' },
    appPassword: 'not-needed',
    note: 'Your provider’s help pages list its IMAP and SMTP servers. Many need an app password instead of your normal one.',
    savesSentCopy: false,
  },
];

export function mailPreset(id: MailPresetId): MailPreset {
  return mailPresets.find((preset) => preset.id === id) ?? mailPresets[mailPresets.length - 1]!;
}

const hostName = z
  .string()
  .trim()
  .min(1, 'Enter the server name')
  .max(253)
  .regex(/^[A-Za-z0-9.-]+$|^\[?[0-9a-fA-F:.]+\]?$/, 'A server name has only letters, digits, dots and dashes');

export const MailServerSettingsSchema = z.object({
  host: hostName,
  port: z.number().int().min(1).max(65535),
  security: z.enum(mailSecurityModes),
  /** Usually the e-mail address. */
  username: z.string().trim().min(1, 'Enter the user name').max(320),
});
export type MailServerSettings = z.infer<typeof MailServerSettingsSchema>;

export const emailAddress = z.string().trim().max(254).pipe(z.email('Enter a valid e-mail address'));

/** Folder paths are the server's own; Sent and INBOX are always synced and need not be listed. */
const folderPath = z.string().min(1).max(500);

export const MailAccountDraftSchema = z.object({
  email: emailAddress,
  displayName: z.string().trim().max(200).default(''),
  preset: z.enum(mailPresetIds).default('other'),
  imap: MailServerSettingsSchema,
  smtp: MailServerSettingsSchema,
  folders: z.array(folderPath).max(100).default([]),
  /** How far back the first sync reaches. */
  windowMonths: z.number().int().min(1).max(120).default(12),
  /** A private account's messages stay on this laptop: they never go to the relay. */
  private: z.boolean().default(false),
});
export type MailAccountDraft = z.output<typeof MailAccountDraftSchema>;

export const MailAccountPatchSchema = MailAccountDraftSchema.partial().omit({ email: true });
export type MailAccountPatch = z.output<typeof MailAccountPatchSchema>;

export const mailPassword = z.string().min(1, 'Enter the password').max(1000);

export const mailSyncStates = ['stopped', 'connecting', 'syncing', 'watching', 'waiting', 'error'] as const;
export type MailSyncState = (typeof mailSyncStates)[number];

export const MailSyncProgressSchema = z.object({
  accountId: z.string(),
  state: z.enum(mailSyncStates),
  /** What a person reads: "Syncing INBOX, 120 of 900", "Offline; trying again in 30 s". */
  message: z.string(),
  folder: z.string().nullable(),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type MailSyncProgress = z.infer<typeof MailSyncProgressSchema>;

export const MailAccountSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  preset: z.enum(mailPresetIds),
  imap: MailServerSettingsSchema,
  smtp: MailServerSettingsSchema,
  folders: z.array(z.string()),
  windowMonths: z.number().int(),
  private: z.boolean(),
  /** False when the password could not be read on this laptop (sealed by another shell). */
  hasPassword: z.boolean(),
  createdAt: EpochMsSchema,
  lastSyncAt: EpochMsSchema.nullable(),
  status: MailSyncProgressSchema,
});
export type MailAccount = z.infer<typeof MailAccountSchema>;

export const MailFolderSchema = z.object({
  path: z.string(),
  name: z.string(),
  specialUse: z.string().nullable(),
  /** INBOX and Sent always; others when ticked. */
  synced: z.boolean(),
  /** INBOX and Sent cannot be unticked. */
  required: z.boolean(),
});
export type MailFolder = z.infer<typeof MailFolderSchema>;

export const connectionProblems = ['host_not_found', 'refused', 'tls_failed', 'wrong_password', 'timed_out', 'other'] as const;
export type ConnectionProblem = (typeof connectionProblems)[number];

export const ConnectionCheckSchema = z.union([
  z.object({ ok: z.literal(true), message: z.string() }),
  z.object({ ok: z.literal(false), problem: z.enum(connectionProblems), message: z.string() }),
]);
export type ConnectionCheck = z.infer<typeof ConnectionCheckSchema>;

export const MailAddressSchema = z.object({ name: z.string().max(500), address: z.string().max(500) });
export type MailAddress = z.infer<typeof MailAddressSchema>;

export const MailAttachmentSchema = z.object({
  /** The contact's file holding the bytes; null when not stored (too large). */
  fileId: z.string().nullable(),
  name: z.string().max(500),
  mimeType: z.string().max(200),
  sizeBytes: z.number().int().min(0),
  sha256: z.string().nullable(),
});
export type MailAttachment = z.infer<typeof MailAttachmentSchema>;

export const mailDirections = ['received', 'sent'] as const;
export type MailDirection = (typeof mailDirections)[number];

export const MailMessageSummarySchema = z.object({
  id: z.string(),
  threadId: z.string(),
  subject: z.string(),
  from: MailAddressSchema,
  to: z.array(MailAddressSchema),
  cc: z.array(MailAddressSchema),
  sentAt: EpochMsSchema,
  snippet: z.string(),
  direction: z.enum(mailDirections),
  /** The mailbox it was synced from (the account's address), so the team knows whose it is. */
  mailbox: z.string(),
  attachmentCount: z.number().int().min(0),
  /** Kept on this laptop only (a private account). */
  private: z.boolean(),
  /** Contacts with an address in From, To or Cc. */
  contactIds: z.array(z.string()),
});
export type MailMessageSummary = z.infer<typeof MailMessageSummarySchema>;

export const MailMessageSchema = MailMessageSummarySchema.extend({
  messageId: z.string(),
  inReplyTo: z.string(),
  bodyText: z.string(),
  /** As received: the renderer sanitises it before showing it in a sandboxed frame. */
  bodyHtml: z.string().nullable(),
  attachments: z.array(MailAttachmentSchema),
});
export type MailMessage = z.infer<typeof MailMessageSchema>;

export const MailThreadSchema = z.object({
  threadId: z.string(),
  subject: z.string(),
  messageCount: z.number().int().min(1),
  lastAt: EpochMsSchema,
  lastSnippet: z.string(),
  lastFrom: MailAddressSchema,
});
export type MailThread = z.infer<typeof MailThreadSchema>;

export const outboxStates = ['waiting', 'sending', 'sent', 'failed'] as const;
export type OutboxState = (typeof outboxStates)[number];

export const OutboxItemSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  threadId: z.string().nullable(),
  to: z.array(MailAddressSchema),
  cc: z.array(MailAddressSchema),
  subject: z.string(),
  bodyText: z.string(),
  state: z.enum(outboxStates),
  /** Why it failed, or why it is still waiting ("offline; will try again"). */
  reason: z.string(),
  createdAt: EpochMsSchema,
  sentAt: EpochMsSchema.nullable(),
  /** The kept message once sent. */
  messageId: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

const recipients = z.array(emailAddress).max(100);

export const SendMailSchema = z
  .object({
    accountId: z.string().min(1).max(64),
    to: recipients,
    cc: recipients.default([]),
    subject: z.string().trim().max(998).default(''),
    bodyText: z.string().max(1_000_000),
    /** The kept message this answers (threads it and sets In-Reply-To/References). */
    inReplyToId: z.string().min(1).max(64).optional(),
  })
  .refine((value) => value.to.length + value.cc.length > 0, { message: 'Add at least one recipient', path: ['to'] });
export type SendMailInput = z.output<typeof SendMailSchema>;

/** A message of no contact, of which only the headers are kept on this laptop. */
export const UnlinkedMessageSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  from: MailAddressSchema,
  subject: z.string(),
  sentAt: EpochMsSchema,
});
export type UnlinkedMessage = z.infer<typeof UnlinkedMessageSchema>;
