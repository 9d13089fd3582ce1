import type { FetchMessageObject, ImapFlow } from 'imapflow';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { normaliseEmail } from '../../src-shared/phone';
import type { AccountSettings } from './accounts';
import type { ContactMatcher } from './contact-matcher';
import { readMatchHeaders, matchHeaderFields } from './headers';
import { messageRowId } from './message-ids';
import { parseMessage } from './parse';
import type { MailParser } from './parse-pool';
import type { KeptMessage, MailStore, SkippedHeader } from './store';

export class SyncCancelled extends Error {
  constructor() {
    super('Mail sync was stopped.');
    this.name = 'SyncCancelled';
  }
}

export interface FolderSyncContext {
  client: ImapFlow;
  account: AccountSettings;
  store: MailStore;
  matcher: ContactMatcher;
  parser: MailParser;
  signal: AbortSignal;
  now: () => number;
  onProgress(folder: string, done: number, total: number): void;
  /** Envelopes looked at per round trip and per transaction. */
  batchSize?: number;
}

export interface FolderSyncResult {
  kept: number;
  skipped: number;
  gone: number;
}

/** A folder with more new messages than this warms the parser up front (MailParser.warm). */
const warmAbove = 50;

/** Larger messages are not fetched; their headers are kept like a message of no contact. */
export const maxMessageBytes = 150 * 1024 * 1024;

/** `[1,2,3,7,9,10]` → `1:3,7,9:10`, the IMAP sequence-set form. */
export function uidSet(uids: readonly number[]): string {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let index = 0; index < sorted.length; ) {
    const start = sorted[index]!;
    let end = start;
    while (sorted[index + 1] === end + 1) end = sorted[++index]!;
    parts.push(start === end ? String(start) : `${start}:${end}`);
    index += 1;
  }
  return parts.join(',');
}

export function windowStart(now: number, months: number): Date {
  const start = new Date(now);
  start.setUTCMonth(start.getUTCMonth() - months);
  return start;
}

function checkCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new SyncCancelled();
}

/**
 * Brings one folder up to date. First sync: every message of the window, newest first, in
 * batches that each commit on their own (a killed sync resumes after the last whole batch,
 * since anything committed is "known" and not fetched again). Later: nothing at all when
 * UIDVALIDITY, UIDNEXT, the count and (CONDSTORE) HIGHESTMODSEQ are unchanged; else the new
 * UIDs, and a UID SEARCH over the known ones to notice deletions. A UIDVALIDITY change
 * forgets the folder's UIDs and starts over; messages are keyed by Message-ID, so nothing
 * is duplicated.
 */
export async function syncFolder(context: FolderSyncContext, path: string): Promise<FolderSyncResult> {
  const { client, account, store, signal } = context;
  const result: FolderSyncResult = { kept: 0, skipped: 0, gone: 0 };
  checkCancelled(signal);
  // The folder selected for IDLE carries counts imapflow kept from notifications, which do not
  // all move them (VANISHED does not); selecting it afresh gives the server's own numbers.
  if (client.mailbox && client.mailbox.path === path) await client.mailboxClose();
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const mailbox = client.mailbox;
    if (!mailbox) return result;
    let stored = store.queries.folder.get(account.id, path);
    const uidValidity = String(mailbox.uidValidity);
    if (stored?.uid_validity && stored.uid_validity !== uidValidity) {
      store.resetFolder(account.id, path);
      stored = store.queries.folder.get(account.id, path);
    }
    const modseq = mailbox.highestModseq === undefined ? null : String(mailbox.highestModseq);
    const wanted = store.queries.wanted.all(account.id, path);
    const unchanged =
      stored?.window_done === 1 &&
      stored.uid_validity === uidValidity &&
      stored.uid_next === mailbox.uidNext &&
      stored.message_count === mailbox.exists &&
      (modseq === null || stored.highest_modseq === modseq);
    if (unchanged && wanted.length === 0) return result;

    const known = new Set<number>([
      ...store.queries.locationUids.all(account.id, path).map((row) => row.uid),
      ...store.queries.skippedUids.all(account.id, path).map((row) => row.uid),
    ]);
    if (known.size > 0) {
      const present = (await client.search({ uid: uidSet([...known]) }, { uid: true })) || [];
      const still = new Set(present);
      const gone = [...known].filter((uid) => !still.has(uid));
      if (gone.length > 0) {
        store.forgetUids(account.id, path, gone);
        for (const uid of gone) known.delete(uid);
        result.gone = gone.length;
      }
    }
    checkCancelled(signal);

    const inWindow = mailbox.exists === 0 ? [] : (await client.search({ since: windowStart(context.now(), account.windowMonths) }, { uid: true })) || [];
    const wantedUids = wanted.map((row) => row.uid).filter((uid) => known.has(uid));
    const fresh = inWindow.filter((uid) => !known.has(uid)).sort((a, b) => b - a);
    const todo = [...wantedUids, ...fresh];
    // More than a few messages (a catch-up after weeks offline, a newly ticked folder): the
    // parser gets ready while the first batch is fetched.
    if (todo.length > warmAbove) context.parser.warm();
    const batchSize = context.batchSize ?? 200;
    const batches: number[][] = [];
    for (let start = 0; start < todo.length; start += batchSize) batches.push(todo.slice(start, start + batchSize));
    const wantedSet = new Set(wantedUids);
    let done = 0;
    context.onProgress(path, 0, todo.length);
    // The next batch is fetched while this one is parsed and stored: the server's time and
    // ours overlap instead of adding up.
    let next = batches[0] ? fetchBatch(context, batches[0], wantedSet) : undefined;
    for (let index = 0; index < batches.length; index += 1) {
      checkCancelled(signal);
      const fetched = await next!;
      next = batches[index + 1] ? fetchBatch(context, batches[index + 1]!, wantedSet) : undefined;
      next?.catch(() => {}); // awaited on the next turn; a failure then is the one reported
      const counts = await storeBatch(context, path, fetched);
      result.kept += counts.kept;
      result.skipped += counts.skipped;
      done += batches[index]!.length;
      context.onProgress(path, done, todo.length);
      // Let IPC calls and timers in between batches: the sync never holds the app up for long.
      await yieldToEventLoop();
    }
    store.saveFolderState(account.id, path, {
      uidValidity,
      uidNext: mailbox.uidNext,
      highestModseq: modseq,
      messageCount: mailbox.exists,
      windowDone: true,
    });
    return result;
  } finally {
    lock.release();
  }
}

interface FetchedBatch {
  skipped: SkippedHeader[];
  alreadyStored: { uid: number; rowId: string }[];
  sources: { message: FetchMessageObject; contactId: string }[];
}

/** A few headers of every message of the batch; the whole message only of those of a contact not stored yet. */
async function fetchBatch(context: FolderSyncContext, uids: number[], wanted: Set<number>): Promise<FetchedBatch> {
  const { client, account, store, matcher } = context;
  const fetched = await client.fetchAll(uidSet(uids), { uid: true, headers: matchHeaderFields, internalDate: true, size: true }, { uid: true });
  const batch: FetchedBatch = { skipped: [], alreadyStored: [], sources: [] };
  const toFetch = new Map<number, string>();
  const ownAddress = normaliseEmail(account.email);
  for (const message of fetched) {
    const headers = await readMatchHeaders(message.headers);
    const all = [headers.from, ...headers.to, ...headers.cc].map((entry) => normaliseEmail(entry.address)).filter(Boolean);
    const contactId = matcher.firstContact(all.filter((address) => address !== ownAddress));
    const tooLarge = (message.size ?? 0) > maxMessageBytes;
    if (contactId && !tooLarge) {
      const rowId = headers.messageId ? messageRowId(headers.messageId) : undefined;
      if (rowId && store.queries.exists.get(rowId)) batch.alreadyStored.push({ uid: message.uid, rowId });
      else toFetch.set(message.uid, contactId);
      continue;
    }
    // A wanted message whose contact went away again is simply left as headers.
    if (wanted.has(message.uid)) continue;
    batch.skipped.push({
      uid: message.uid,
      messageId: headers.messageId,
      fromAddress: headers.from.address,
      fromName: headers.from.name,
      subject: headers.subject,
      sentAt: headers.date ?? dateOf(message.internalDate),
      addresses: all,
    });
  }
  if (toFetch.size > 0) {
    const sources = await client.fetchAll(uidSet([...toFetch.keys()]), { uid: true, source: true, internalDate: true }, { uid: true });
    for (const message of sources) batch.sources.push({ message, contactId: toFetch.get(message.uid)! });
  }
  return batch;
}

/** Parses the fetched messages, files their attachments, and commits the batch in one transaction. */
async function storeBatch(context: FolderSyncContext, path: string, batch: FetchedBatch) {
  // Parsed side by side: the parser's workers take them in parallel.
  const kept = await Promise.all(batch.sources.map(({ message, contactId }) => keep(context, message, contactId)));
  // Stopped while fetching or parsing (the app closing): write nothing more.
  checkCancelled(context.signal);
  context.store.saveBatch({ account: context.account, folder: path, kept, alreadyStored: batch.alreadyStored, skipped: batch.skipped });
  return { kept: kept.length + batch.alreadyStored.length, skipped: batch.skipped.length };
}

async function keep(context: FolderSyncContext, message: FetchMessageObject, contactId: string): Promise<KeptMessage> {
  const parsed = await parseMessage(message.source ?? Buffer.alloc(0), message.internalDate, context.parser);
  const attachments = await context.store.prepareAttachments(parsed.attachments, contactId, parsed.from.name || parsed.from.address, parsed.sentAt);
  return { uid: message.uid, parsed, contactId, attachments };
}

function dateOf(internalDate: Date | string | undefined): number {
  const time = internalDate ? new Date(internalDate).getTime() : Number.NaN;
  return Number.isFinite(time) && time > 0 ? time : 0;
}
