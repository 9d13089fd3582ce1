import { z } from 'zod';
import {
  MailAddressSchema,
  MailAttachmentSchema,
  mailDirections,
  type MailAddress,
  type MailAttachment,
  type MailMessage,
  type MailMessageSummary,
} from '../../src-shared/domain/mail';

/** A mail_messages row as SQLite returns it. */
export interface MailMessageRow {
  id: string;
  message_id: string;
  thread_id: string;
  in_reply_to: string;
  refs: string;
  subject: string;
  from_address: string;
  from_name: string;
  to_addresses: string;
  cc_addresses: string;
  sent_at: number;
  body_text: string;
  body_html: string | null;
  attachments: string;
  mailbox: string;
  direction: string;
  created_at: number;
  cl: number;
  local_only: number;
}

// JSON columns may come from another laptop (sync): each is read defensively, and what does
// not fit the schema is dropped rather than shown or trusted.
const addressList = z.array(MailAddressSchema);
const attachmentList = z.array(MailAttachmentSchema);
const stringList = z.array(z.string());

function parseJson<T>(schema: z.ZodType<T>, text: string, fallback: T): T {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function parseAddressList(text: string): MailAddress[] {
  return parseJson(addressList, text, []);
}

export function parseAttachments(text: string): MailAttachment[] {
  return parseJson(attachmentList, text, []);
}

export function parseReferences(text: string): string[] {
  return parseJson(stringList, text, []);
}

export function snippetOf(bodyText: string): string {
  return bodyText.replace(/\s+/g, ' ').trim().slice(0, 200);
}

export function rowToSummary(row: MailMessageRow, contactIds: string[]): MailMessageSummary {
  return {
    id: row.id,
    threadId: row.thread_id || row.id,
    subject: row.subject,
    from: { name: row.from_name, address: row.from_address },
    to: parseAddressList(row.to_addresses),
    cc: parseAddressList(row.cc_addresses),
    sentAt: Math.max(0, row.sent_at),
    snippet: snippetOf(row.body_text),
    direction: mailDirections.find((direction) => direction === row.direction) ?? 'received',
    mailbox: row.mailbox,
    attachmentCount: parseAttachments(row.attachments).length,
    private: row.local_only === 1,
    contactIds,
  };
}

export function rowToMessage(row: MailMessageRow, contactIds: string[]): MailMessage {
  return {
    ...rowToSummary(row, contactIds),
    messageId: row.message_id,
    inReplyTo: row.in_reply_to,
    bodyText: row.body_text,
    bodyHtml: row.body_html,
    attachments: parseAttachments(row.attachments),
  };
}
