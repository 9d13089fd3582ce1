import type { Sqlite } from '../db/open';

// The dashboard's figures, each one query over live rows (odd causal length).

export function createDashboardQueries(sqlite: Sqlite) {
  return {
    byStatus: sqlite.prepare<[], { name: string; count: number }>(
      'SELECT status AS name, COUNT(*) AS count FROM contacts WHERE cl % 2 = 1 GROUP BY status ORDER BY count DESC',
    ),
    byType: sqlite.prepare<[], { name: string; count: number }>(
      'SELECT contact_type AS name, COUNT(*) AS count FROM contacts WHERE cl % 2 = 1 GROUP BY contact_type ORDER BY count DESC',
    ),
    openValue: sqlite.prepare<[], { currency: string; amountMinor: number }>(
      `SELECT potential_value_currency AS currency, SUM(potential_value_minor) AS amountMinor FROM contacts
       WHERE cl % 2 = 1 AND status NOT IN ('won', 'lost') AND potential_value_minor IS NOT NULL
       GROUP BY potential_value_currency ORDER BY amountMinor DESC`,
    ),
    newContacts: sqlite.prepare<[number], { n: number }>(
      'SELECT COUNT(*) AS n FROM contacts WHERE cl % 2 = 1 AND created_at >= ?',
    ),
    callsSince: sqlite.prepare<[number], { started_at: number }>(
      'SELECT started_at FROM calls WHERE cl % 2 = 1 AND started_at >= ?',
    ),
    overdue: sqlite.prepare<[number], { n: number }>(
      `SELECT COUNT(*) AS n FROM follow_ups f JOIN contacts c ON c.id = f.contact_id
       WHERE f.cl % 2 = 1 AND f.done_at IS NULL AND f.due_at < ? AND c.cl % 2 = 1`,
    ),
    dueToday: sqlite.prepare<[number, number], { n: number }>(
      `SELECT COUNT(*) AS n FROM follow_ups f JOIN contacts c ON c.id = f.contact_id
       WHERE f.cl % 2 = 1 AND f.done_at IS NULL AND f.due_at >= ? AND f.due_at <= ? AND c.cl % 2 = 1`,
    ),
    pendingQuotes: sqlite.prepare<[number], { currency: string; lines: string }>(
      `SELECT q.currency, q.lines FROM quotes q JOIN deals d ON d.id = q.deal_id AND d.cl % 2 = 1
       WHERE q.cl % 2 = 1 AND q.status = 'sent' AND (q.valid_until IS NULL OR q.valid_until >= ?)`,
    ),
    recentNotes: sqlite.prepare<[number], { id: string; contact_id: string; contact_name: string; kind: string; body: string; author: string; created_at: number }>(
      `SELECT n.id, n.contact_id, c.name AS contact_name, n.kind, n.body, n.author, n.created_at
       FROM notes n JOIN contacts c ON c.id = n.contact_id AND c.cl % 2 = 1
       WHERE n.cl % 2 = 1 ORDER BY n.created_at DESC LIMIT ?`,
    ),
    recentCalls: sqlite.prepare<
      [number],
      { id: string; contact_id: string; contact_name: string; direction: string; duration_seconds: number; disposition: string; logged_by: string; started_at: number; notes: string }
    >(
      `SELECT k.id, k.contact_id, c.name AS contact_name, k.direction, k.duration_seconds, k.disposition, k.logged_by,
              k.started_at, k.notes
       FROM calls k JOIN contacts c ON c.id = k.contact_id AND c.cl % 2 = 1
       WHERE k.cl % 2 = 1 ORDER BY k.started_at DESC LIMIT ?`,
    ),
  };
}
