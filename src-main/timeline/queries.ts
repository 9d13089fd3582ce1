import type { Sqlite } from '../db/open';
import type { LoggedChange } from './field-changes';

// What a contact's timeline is made of: rows of its notes, calls, follow-ups, files and deals,
// and the change log of the contact itself. Only live rows (odd causal length).
//
// Notes, calls, follow-ups and files (the kinds a busy contact has hundreds of) are read a page at a time,
// newest first from their (contact_id, time) indexes: only the items that come after the cursor
// in the timeline's order (newestFirst: time descending, then key descending, the key being
// `<kind>:<id>`), at most `limit` of them.

/** Where a page of one kind starts: after the cursor, at most `limit` rows. */
export interface PageAfter {
  contactId: string;
  /** The cursor's time and key; a first page passes a time after every item and an empty key. */
  at: number;
  key: string;
  limit: number;
}

/** Rows whose item comes after the cursor: earlier, or at the same time with a smaller key. */
function after(timeColumn: string, key: string): string {
  return `AND (${timeColumn} < @at OR (${timeColumn} = @at AND ${key} < @key))`;
}

const followUpColumns = 'id, title, due_at, done_at, created_by, assignee, created_at';
type FollowUpRow = { id: string; title: string; due_at: number; done_at: number | null; created_by: string; assignee: string; created_at: number };

export function createTimelineQueries(sqlite: Sqlite) {
  return {
    notes: sqlite.prepare<[PageAfter], { id: string; kind: string; body: string; author: string; created_at: number }>(
      `SELECT id, kind, body, author, created_at FROM notes
       WHERE contact_id = @contactId AND cl % 2 = 1 ${after('created_at', "'note:' || id")}
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
    ),
    calls: sqlite.prepare<
      [PageAfter],
      { id: string; direction: string; duration_seconds: number; disposition: string; status: string; notes: string; logged_by: string; started_at: number; number: string }
    >(
      `SELECT id, direction, duration_seconds, disposition, status, notes, logged_by, started_at, number
       FROM calls WHERE contact_id = @contactId AND cl % 2 = 1 ${after('started_at', "'call:' || id")}
       ORDER BY started_at DESC, id DESC LIMIT @limit`,
    ),
    // A follow-up is two items: planned (at created_at) and, once done, done (at done_at).
    followUpsPlanned: sqlite.prepare<[PageAfter], FollowUpRow>(
      `SELECT ${followUpColumns} FROM follow_ups
       WHERE contact_id = @contactId AND cl % 2 = 1 ${after('created_at', "'follow_up:' || id || ':created'")}
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
    ),
    followUpsDone: sqlite.prepare<[PageAfter], FollowUpRow>(
      `SELECT ${followUpColumns} FROM follow_ups
       WHERE contact_id = @contactId AND cl % 2 = 1 AND done_at IS NOT NULL ${after('done_at', "'follow_up:' || id || ':done'")}
       ORDER BY done_at DESC, id DESC LIMIT @limit`,
    ),
    dealMoves: sqlite.prepare<
      [string],
      { id: string; deal_id: string; title: string; from_name: string | null; to_name: string | null; at: number; moved_by: string }
    >(
      `SELECT e.id, e.deal_id, d.title, f.name AS from_name, t.name AS to_name, e.at, e.moved_by
       FROM deal_stage_events e JOIN deals d ON d.id = e.deal_id AND d.cl % 2 = 1
       LEFT JOIN stages f ON f.id = e.from_stage_id LEFT JOIN stages t ON t.id = e.to_stage_id
       WHERE d.contact_id = ?`,
    ),
    files: sqlite.prepare<[PageAfter], { id: string; name: string; category: string; added_by: string; created_at: number; size_bytes: number }>(
      `SELECT id, name, category, added_by, created_at, size_bytes FROM files
       WHERE contact_id = @contactId AND cl % 2 = 1 ${after('created_at', "'file:' || id")}
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
    ),
    contactChanges: sqlite.prepare<[string, string, string], LoggedChange>(
      `SELECT change_id, hlc, table_name, row_id, fields, author FROM changes
       WHERE (table_name = 'contacts' AND row_id = ?) OR (table_name = 'contact_tags' AND row_id >= ? AND row_id < ?)`,
    ),
  };
}
