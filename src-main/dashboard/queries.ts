import type { Sqlite } from '../db/open';

// The dashboard's figures over live rows (odd causal length). The contact counts and the open
// value come from contact_figures, which triggers keep exact in the transaction of every write to
// contacts (migration 'dashboard_figures'); the rest are queries that read only what they count.

export function createDashboardQueries(sqlite: Sqlite) {
  return {
    byStatus: sqlite.prepare<[], { name: string; count: number }>(
      `SELECT key AS name, contacts AS count FROM contact_figures WHERE figure = 'status' AND contacts > 0 ORDER BY contacts DESC, key`,
    ),
    byType: sqlite.prepare<[], { name: string; count: number }>(
      `SELECT key AS name, contacts AS count FROM contact_figures WHERE figure = 'type' AND contacts > 0 ORDER BY contacts DESC, key`,
    ),
    openValue: sqlite.prepare<[], { currency: string; amountMinor: number }>(
      `SELECT key AS currency, amount_minor AS amountMinor FROM contact_figures WHERE figure = 'open_value' AND contacts > 0
       ORDER BY amount_minor DESC, key`,
    ),
    newContacts: sqlite.prepare<[number], { n: number }>(
      'SELECT COUNT(*) AS n FROM contacts WHERE cl % 2 = 1 AND created_at >= ?',
    ),
    callsSince: sqlite.prepare<[number], { started_at: number }>(
      'SELECT started_at FROM calls WHERE cl % 2 = 1 AND started_at >= ?',
    ),
    overdue: sqlite.prepare<[number], { n: number }>(
      // Open follow-ups of live contacts, counted off follow_ups_live_open_due alone (contact_live is
      // kept by triggers): no lookup of each one's contact.
      `SELECT COUNT(*) AS n FROM follow_ups WHERE cl % 2 = 1 AND done_at IS NULL AND contact_live = 1 AND due_at < ?`,
    ),
    dueToday: sqlite.prepare<[number, number], { n: number }>(
      `SELECT COUNT(*) AS n FROM follow_ups WHERE cl % 2 = 1 AND done_at IS NULL AND contact_live = 1 AND due_at >= ? AND due_at <= ?`,
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
