import { followUpStanding, type FollowUp, type FollowUpListKind, type FollowUpListQuery, type FollowUpSortField } from '../../src-shared/domain/follow-up';
import type { Sqlite } from '../db/open';
import type { SqlRow } from '../db/rows';
import type { followUps } from '../db/schema';

export type FollowUpRow = Omit<SqlRow<typeof followUps>, 'updated_at' | 'cl' | 'done_by'> & { contact_name: string };

export function rowToFollowUp(row: FollowUpRow, now: number): FollowUp {
  return {
    id: row.id,
    contactId: row.contact_id,
    contactName: row.contact_name,
    callId: row.call_id,
    title: row.title,
    dueAt: row.due_at,
    assignee: row.assignee,
    priority: row.priority === 'low' || row.priority === 'high' ? row.priority : 'normal',
    doneAt: row.done_at,
    slaRuleId: row.sla_rule_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    standing: followUpStanding(row.due_at, row.done_at, now),
  };
}

const columns = `f.id, f.contact_id, COALESCE(c.name, '') AS contact_name, f.call_id, f.title, f.due_at, f.assignee,
  f.priority, f.done_at, f.sla_rule_id, f.created_by, f.created_at`;

export interface FollowUpListOptions {
  view: FollowUpListKind;
  assignee?: string;
  contactId?: string;
  now: number;
  endOfToday: number;
  offset: number;
  limit: number;
  sort?: FollowUpListQuery['sort'];
}

/** The ORDER BY of each sort field; the id last, so pages never overlap. */
const sortSql: Record<FollowUpSortField, string> = {
  dueAt: 'f.due_at',
  title: 'f.title COLLATE NOCASE',
  contactName: 'contact_name COLLATE NOCASE',
  assignee: 'f.assignee COLLATE NOCASE',
  priority: "CASE f.priority WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END",
  createdAt: 'f.created_at',
  doneAt: 'f.done_at',
};

function orderOf(options: FollowUpListOptions): string {
  if (options.sort) {
    const direction = options.sort.direction === 'desc' ? 'DESC' : 'ASC';
    return `${sortSql[options.sort.field]} ${direction}, f.id ${direction}`;
  }
  return options.view === 'done' ? 'f.done_at DESC, f.id DESC' : 'f.due_at ASC, f.id ASC';
}

export function createFollowUpQueries(sqlite: Sqlite) {
  const byId = sqlite.prepare<[string], FollowUpRow>(
    `SELECT ${columns} FROM follow_ups f LEFT JOIN contacts c ON c.id = f.contact_id WHERE f.id = ? AND f.cl % 2 = 1`,
  );
  const nextDue = sqlite.prepare<[string], { next: number | null }>(
    `SELECT MIN(due_at) AS next FROM follow_ups WHERE contact_id = ? AND cl % 2 = 1 AND done_at IS NULL`,
  );
  const contactOf = sqlite.prepare<[string], { contact_id: string }>('SELECT contact_id FROM follow_ups WHERE id = ?');
  const setNextFollowUp = sqlite.prepare('UPDATE contacts SET next_follow_up_at = ? WHERE id = ?');
  // Contacts written without a next follow-up that have open ones: a contact that arrived after its
  // follow-ups (another laptop's pull pages). Only those rows are written.
  const fillNextFollowUps = sqlite.prepare<[string]>(
    `UPDATE contacts SET next_follow_up_at = (
       SELECT MIN(f.due_at) FROM follow_ups f WHERE f.contact_id = contacts.id AND f.cl % 2 = 1 AND f.done_at IS NULL)
     WHERE id IN (SELECT value FROM json_each(?)) AND next_follow_up_at IS NULL
       AND EXISTS (SELECT 1 FROM follow_ups f WHERE f.contact_id = contacts.id AND f.cl % 2 = 1 AND f.done_at IS NULL)`,
  );
  const dueUnshown = sqlite.prepare<[number], FollowUpRow>(
    `SELECT ${columns} FROM follow_ups f JOIN contacts c ON c.id = f.contact_id
     WHERE f.cl % 2 = 1 AND f.done_at IS NULL AND f.due_at <= ? AND f.contact_live = 1
       AND NOT EXISTS (SELECT 1 FROM reminders_shown r WHERE r.follow_up_id = f.id)
     ORDER BY f.due_at LIMIT 50`,
  );
  const nextDueUnshown = sqlite.prepare<[number], { due_at: number | null }>(
    `SELECT MIN(f.due_at) AS due_at FROM follow_ups f
     WHERE f.cl % 2 = 1 AND f.done_at IS NULL AND f.due_at > ? AND f.contact_live = 1
       AND NOT EXISTS (SELECT 1 FROM reminders_shown r WHERE r.follow_up_id = f.id)`,
  );
  const markShown = sqlite.prepare('INSERT OR IGNORE INTO reminders_shown (follow_up_id, shown_at) VALUES (?, ?)');
  const forgetShown = sqlite.prepare('DELETE FROM reminders_shown WHERE follow_up_id = ?');

  function where(options: FollowUpListOptions): { sql: string; params: unknown[] } {
    // Whether the contact is live is the follow-up's own contact_live (kept by triggers), so the
    // conditions name no column of contacts and the total is counted off follow_ups' indexes alone.
    const conditions = ['f.cl % 2 = 1', 'f.contact_live = 1'];
    const params: unknown[] = [];
    if (options.view === 'overdue') {
      conditions.push('f.done_at IS NULL AND f.due_at < ?');
      params.push(options.now);
    } else if (options.view === 'today') {
      conditions.push('f.done_at IS NULL AND f.due_at >= ? AND f.due_at <= ?');
      params.push(options.now, options.endOfToday);
    } else if (options.view === 'upcoming') {
      conditions.push('f.done_at IS NULL AND f.due_at > ?');
      params.push(Math.max(options.endOfToday, options.now));
    } else {
      conditions.push('f.done_at IS NOT NULL');
    }
    if (options.assignee !== undefined) {
      conditions.push('f.assignee = ?');
      params.push(options.assignee);
    }
    if (options.contactId !== undefined) {
      conditions.push('f.contact_id = ?');
      params.push(options.contactId);
    }
    return { sql: conditions.join(' AND '), params };
  }

  return {
    get: (id: string) => byId.get(id),
    contactOf: (id: string) => contactOf.get(id)?.contact_id,
    refreshNextFollowUp(contactId: string): void {
      setNextFollowUp.run(nextDue.get(contactId)?.next ?? null, contactId);
    },
    fillNextFollowUps(contactIds: readonly string[]): void {
      fillNextFollowUps.run(JSON.stringify(contactIds));
    },
    list(options: FollowUpListOptions): { total: number; rows: FollowUpRow[] } {
      const clause = where(options);
      const order = orderOf(options);
      const rows = sqlite
        .prepare<unknown[], FollowUpRow>(
          `SELECT ${columns} FROM follow_ups f JOIN contacts c ON c.id = f.contact_id
           WHERE ${clause.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
        )
        .all(...clause.params, options.limit, options.offset);
      const total = sqlite
        .prepare<unknown[], { n: number }>(
          `SELECT COUNT(*) AS n FROM follow_ups f WHERE ${clause.sql}`,
        )
        .get(...clause.params)!.n;
      return { total, rows };
    },
    dueUnshown: (now: number) => dueUnshown.all(now),
    nextDueUnshown: (after: number) => nextDueUnshown.get(after)?.due_at ?? null,
    markAllShown: sqlite.transaction((ids: string[], at: number) => {
      for (const id of ids) markShown.run(id, at);
    }),
    forgetShown: (id: string) => forgetShown.run(id),
  };
}
