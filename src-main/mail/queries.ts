import type { Sqlite } from '../db/open';
import type { MailMessageRow } from './rows';

export interface FolderRow {
  account_id: string;
  path: string;
  name: string;
  special_use: string | null;
  uid_validity: string | null;
  uid_next: number | null;
  highest_modseq: string | null;
  message_count: number | null;
  window_done: number;
  synced_at: number | null;
}

export interface SkippedRow {
  id: string;
  account_id: string;
  folder: string;
  uid: number;
  message_id: string;
  from_address: string;
  from_name: string;
  subject: string;
  sent_at: number;
  wanted: number;
}

/** The contact's messages are those with one of its addresses in From, To or Cc. */
const ofContact = `SELECT DISTINCT m.* FROM contact_emails ce
  JOIN mail_message_addresses a ON a.address = ce.address
  JOIN mail_messages m ON m.id = a.message_id AND m.cl % 2 = 1
  WHERE ce.contact_id = ?`;

/** Reads of kept mail and of the sync state; every write is in store.ts. */
export function createMailQueries(sqlite: Sqlite) {
  return {
    message: sqlite.prepare<[string], MailMessageRow>('SELECT * FROM mail_messages WHERE id = ? AND cl % 2 = 1'),
    /** A private account's message is never in the change log: deleted in place. */
    deleteLocal: sqlite.prepare<[string]>('UPDATE mail_messages SET cl = cl + 1 WHERE id = ? AND cl % 2 = 1'),
    messageAnyState: sqlite.prepare<[string], MailMessageRow>('SELECT * FROM mail_messages WHERE id = ?'),
    exists: sqlite.prepare<[string], { cl: number }>('SELECT cl FROM mail_messages WHERE id = ?'),
    contactsOfMessage: sqlite.prepare<[string], { contact_id: string }>(
      `SELECT DISTINCT ce.contact_id FROM mail_message_addresses a
       JOIN contact_emails ce ON ce.address = a.address WHERE a.message_id = ? ORDER BY ce.contact_id`,
    ),
    ofContactBefore: sqlite.prepare<[{ contactId: string; at: number; id: string; limit: number }], MailMessageRow>(
      `${ofContact.replace('?', '@contactId')} AND (m.sent_at < @at OR (m.sent_at = @at AND m.id < @id))
       ORDER BY m.sent_at DESC, m.id DESC LIMIT @limit`,
    ),
    allOfContact: sqlite.prepare<[string], MailMessageRow>(`${ofContact} ORDER BY m.sent_at DESC, m.id DESC`),
    recent: sqlite.prepare<[number], MailMessageRow>('SELECT * FROM mail_messages WHERE cl % 2 = 1 ORDER BY sent_at DESC LIMIT ?'),
    thread: sqlite.prepare<[string], MailMessageRow>('SELECT * FROM mail_messages WHERE thread_id = ? AND cl % 2 = 1 ORDER BY sent_at, id'),
    threadOf: sqlite.prepare<[string], { thread_id: string }>('SELECT thread_id FROM mail_messages WHERE message_id = ? AND thread_id != \'\' LIMIT 1'),
    search: sqlite.prepare<[string, number], MailMessageRow>(
      `SELECT m.* FROM mail_fts JOIN mail_messages m ON m.search_rowid = mail_fts.rowid
       WHERE mail_fts MATCH ? AND m.cl % 2 = 1 ORDER BY m.sent_at DESC LIMIT ?`,
    ),
    folder: sqlite.prepare<[string, string], FolderRow>('SELECT * FROM mail_folders WHERE account_id = ? AND path = ?'),
    folders: sqlite.prepare<[string], FolderRow>('SELECT * FROM mail_folders WHERE account_id = ? ORDER BY path'),
    locationUids: sqlite.prepare<[string, string], { uid: number }>('SELECT uid FROM mail_locations WHERE account_id = ? AND folder = ?'),
    skippedUids: sqlite.prepare<[string, string], { uid: number }>('SELECT uid FROM mail_skipped WHERE account_id = ? AND folder = ?'),
    wanted: sqlite.prepare<[string, string], SkippedRow>('SELECT * FROM mail_skipped WHERE account_id = ? AND folder = ? AND wanted = 1 ORDER BY uid DESC'),
    anyWanted: sqlite.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM mail_skipped WHERE account_id = ? AND wanted = 1'),
    skipped: sqlite.prepare<[string], SkippedRow>('SELECT * FROM mail_skipped WHERE id = ?'),
    unlinked: sqlite.prepare<[number], SkippedRow>(
      `SELECT s.* FROM mail_skipped s WHERE s.from_address != '' AND s.wanted = 0
       AND NOT EXISTS (SELECT 1 FROM contact_emails ce WHERE ce.address = lower(s.from_address))
       ORDER BY s.sent_at DESC LIMIT ?`,
    ),
    sentFolder: sqlite.prepare<[string], { path: string }>(
      "SELECT path FROM mail_folders WHERE account_id = ? AND special_use = '\\Sent' LIMIT 1",
    ),
    localOnlyOfMailbox: sqlite.prepare<[string], { id: string }>(
      'SELECT id FROM mail_messages WHERE local_only = 1 AND mailbox = ?',
    ),
  };
}

export type MailQueries = ReturnType<typeof createMailQueries>;
