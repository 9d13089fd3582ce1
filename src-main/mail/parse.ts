import type { EmailAddress } from 'mailparser';
import { normaliseEmail } from '../../src-shared/phone';
import type { MailAddress } from '../../src-shared/domain/mail';
import type { ParsedParts } from './mail-parse-worker.mjs';
import { bareMessageId, messageIdList, messageRowId, threadIdFor, threadRootId } from './message-ids';
import { inProcessParser, type MailParser } from './parse-pool';

/** What is kept of a message, before it is linked and stored. */
export interface ParsedMessage {
  rowId: string;
  messageId: string;
  threadId: string;
  inReplyTo: string;
  references: string[];
  subject: string;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  sentAt: number;
  bodyText: string;
  bodyHtml: string | null;
  attachments: ParsedAttachment[];
}

export interface ParsedAttachment {
  name: string;
  mimeType: string;
  content: Buffer;
}

// Past these a body is cut (with a note): a newsletter's 5 MB of HTML is not worth syncing
// to every teammate, and the text stays searchable.
export const maxBodyTextChars = 200_000;
export const maxBodyHtmlChars = 500_000;

function flattenAddresses(objects: ParsedParts['from']): MailAddress[] {
  if (!objects) return [];
  const result: MailAddress[] = [];
  const visit = (entry: EmailAddress) => {
    if (entry.group) entry.group.forEach(visit);
    else if (entry.address) result.push({ name: (entry.name ?? '').slice(0, 500), address: entry.address.trim().slice(0, 500) });
  };
  for (const object of objects) object.value.forEach(visit);
  return result;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}\n[… cut by Fieldbook: the message was longer]` : text;
}

/**
 * The Date header when it can be read. mailparser dates an unreadable one "now", which would
 * put an old message at the top of the timeline; the server's INTERNALDATE is better then.
 */
function headerDate(line: string | undefined): Date | undefined {
  if (!line) return undefined;
  const date = new Date(line.slice(line.indexOf(':') + 1).replace(/\s+/g, ' ').trim());
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Attachments a person sent, not the images a signature or HTML layout carries inline. */
function isRealAttachment(attachment: ParsedParts['attachments'][number]): boolean {
  if (attachment.related) return false;
  return attachment.contentDisposition !== 'inline' || Boolean(attachment.filename);
}

/**
 * Parses a raw message (postal-mime, or mailparser for what postal-mime is not trusted with:
 * mail-parse-worker.mjs): encoded words, any charset iconv knows including ISO-8859-1 and
 * Windows-1252, quoted-printable and base64, multipart/alternative; text made from HTML when
 * there is no plain part. A message without a Date header is dated by the
 * server's INTERNALDATE.
 */
export async function parseMessage(source: Buffer, internalDate: Date | string | undefined, parser: MailParser = inProcessParser): Promise<ParsedMessage> {
  const parsed = await parser.parse(source);
  const messageId = bareMessageId(parsed.messageId);
  const references = messageIdList(parsed.references);
  const inReplyTo = bareMessageId(parsed.inReplyTo);
  const rowId = messageRowId(messageId, source);
  const dated = headerDate(parsed.dateLine) ?? (internalDate ? new Date(internalDate) : new Date(0));
  const from = flattenAddresses(parsed.from)[0] ?? { name: '', address: '' };
  return {
    rowId,
    messageId,
    threadId: threadIdFor(threadRootId(references, inReplyTo, messageId), rowId),
    inReplyTo,
    references,
    subject: (parsed.subject ?? '').slice(0, 2000),
    from,
    to: flattenAddresses(parsed.to),
    cc: flattenAddresses(parsed.cc),
    sentAt: Math.max(0, dated.getTime() || 0),
    bodyText: cut((parsed.text ?? '').trim(), maxBodyTextChars),
    bodyHtml: typeof parsed.html === 'string' && parsed.html.trim() ? cut(parsed.html, maxBodyHtmlChars) : null,
    attachments: parsed.attachments.filter(isRealAttachment).map((attachment, index) => ({
      name: (attachment.filename ?? `attachment-${index + 1}`).slice(0, 500),
      mimeType: (attachment.contentType || 'application/octet-stream').slice(0, 200),
      content: attachment.content,
    })),
  };
}

/** Every lower-cased address of From, To and Cc, for matching contacts. */
export function addressesOf(message: { from: MailAddress; to: MailAddress[]; cc: MailAddress[] }): { address: string; role: 'from' | 'to' | 'cc' }[] {
  const result: { address: string; role: 'from' | 'to' | 'cc' }[] = [];
  const add = (role: 'from' | 'to' | 'cc', list: MailAddress[]) => {
    for (const { address } of list) if (address) result.push({ address: normaliseEmail(address), role });
  };
  add('from', message.from.address ? [message.from] : []);
  add('to', message.to);
  add('cc', message.cc);
  return result;
}
