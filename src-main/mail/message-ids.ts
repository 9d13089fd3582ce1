import { createHash } from 'node:crypto';
import { parse as parseUuid, v5 as uuidv5 } from 'uuid';

// Ids of mail rows derived from facts every laptop sees the same way, so that two laptops
// syncing the same mailbox, or two teammates copied on the same e-mail, write ONE row: the
// Message-ID for a message (its bytes' hash when it has none), the thread's first Message-ID
// for a thread, and (contact, content hash) for an attachment filed on a contact.

// Parsed once: uuid would parse a string namespace again on every call.
const namespace = parseUuid('b5f2d1a4-6c1e-4f0e-9a57-3f1c2e7d8a90');

/** `<abc@host>` → `abc@host`; the part in angle brackets, trimmed. */
export function bareMessageId(value: string | undefined | null): string {
  if (!value) return '';
  const trimmed = value.trim();
  const inBrackets = /<([^<>]+)>/.exec(trimmed);
  return (inBrackets?.[1] ?? trimmed).trim();
}

/** All Message-IDs of a References header, bare, in order. */
export function messageIdList(value: string | string[] | undefined | null): string[] {
  if (!value) return [];
  const text = Array.isArray(value) ? value.join(' ') : value;
  const found = [...text.matchAll(/<([^<>]+)>/g)].map((match) => match[1]!.trim()).filter(Boolean);
  if (found.length > 0) return found;
  return text.split(/\s+/).filter(Boolean);
}

export function messageRowId(messageId: string, rawSource?: Buffer): string {
  if (messageId) return uuidv5(`message-id:${messageId}`, namespace);
  const digest = createHash('sha256').update(rawSource ?? Buffer.alloc(0)).digest('hex');
  return uuidv5(`message-source:${digest}`, namespace);
}

/**
 * The thread a message belongs to, by the first Message-ID its References name (the thread's
 * start, RFC 5322 §3.6.4), else the one it replies to, else itself.
 */
export function threadRootId(references: readonly string[], inReplyTo: string, messageId: string): string {
  return references[0] ?? (inReplyTo || messageId);
}

export function threadIdFor(root: string, fallbackRowId: string): string {
  return root ? uuidv5(`thread:${root}`, namespace) : fallbackRowId;
}

/** One file row per contact and content: the same PDF received twice is one file on the contact. */
export function attachmentFileId(contactId: string, sha256: string): string {
  return uuidv5(`mail-attachment:${contactId}:${sha256}`, namespace);
}
