import { timelineKinds, type ActivityItem, type Dashboard, type TimelineCursor, type TimelineItem, type TimelineKind } from '../../src-shared/domain/timeline';
import { quoteTotals, type QuoteLineInput } from '../../src-shared/domain/quote-math';
import type { Sqlite } from '../db/open';
import { fieldChangeItems, type LoggedChange } from './field-changes';

const noteKindLabels: Record<string, string> = {
  call: 'Call note',
  email: 'E-mail note',
  meeting: 'Meeting note',
  internal: 'Internal note',
  quote_sent: 'Quote sent',
};

function minutes(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  return `${Math.round(seconds / 60)} min`;
}

/**
 * A contact's timeline and the dashboard: queries over notes, calls, follow-ups, files and the
 * change log, never a copy of them.
 */
export class TimelineService {
  private readonly statements;
  /** Entries other domains contribute (e-mails), by kind. */
  private readonly sources = new Map<TimelineKind, (contactId: string) => TimelineItem[]>();

  constructor(
    sqlite: Sqlite,
    private readonly now: () => number,
  ) {
    this.statements = {
      notes: sqlite.prepare<[string], { id: string; kind: string; body: string; author: string; created_at: number }>(
        'SELECT id, kind, body, author, created_at FROM notes WHERE contact_id = ? AND cl % 2 = 1',
      ),
      calls: sqlite.prepare<
        [string],
        { id: string; direction: string; duration_seconds: number; disposition: string; status: string; notes: string; logged_by: string; started_at: number; number: string }
      >(
        `SELECT id, direction, duration_seconds, disposition, status, notes, logged_by, started_at, number
         FROM calls WHERE contact_id = ? AND cl % 2 = 1`,
      ),
      followUps: sqlite.prepare<
        [string],
        { id: string; title: string; due_at: number; done_at: number | null; created_by: string; assignee: string; created_at: number }
      >('SELECT id, title, due_at, done_at, created_by, assignee, created_at FROM follow_ups WHERE contact_id = ? AND cl % 2 = 1'),
      dealMoves: sqlite.prepare<
        [string],
        { id: string; deal_id: string; title: string; from_name: string | null; to_name: string | null; at: number; moved_by: string }
      >(
        `SELECT e.id, e.deal_id, d.title, f.name AS from_name, t.name AS to_name, e.at, e.moved_by
         FROM deal_stage_events e JOIN deals d ON d.id = e.deal_id AND d.cl % 2 = 1
         LEFT JOIN stages f ON f.id = e.from_stage_id LEFT JOIN stages t ON t.id = e.to_stage_id
         WHERE d.contact_id = ?`,
      ),
      files: sqlite.prepare<[string], { id: string; name: string; category: string; added_by: string; created_at: number; size_bytes: number }>(
        'SELECT id, name, category, added_by, created_at, size_bytes FROM files WHERE contact_id = ? AND cl % 2 = 1',
      ),
      contactChanges: sqlite.prepare<[string, string, string], LoggedChange>(
        `SELECT change_id, hlc, table_name, row_id, fields, author FROM changes
         WHERE (table_name = 'contacts' AND row_id = ?) OR (table_name = 'contact_tags' AND row_id >= ? AND row_id < ?)`,
      ),
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

  /** Lets a domain put its own entries on contacts' timelines. */
  addSource(kind: TimelineKind, itemsOf: (contactId: string) => TimelineItem[]): void {
    this.sources.set(kind, itemsOf);
  }

  /** Newest first; `before` is the last item of the previous page. */
  forContact(input: { contactId: string; kinds?: TimelineKind[]; before?: TimelineCursor; limit: number }) {
    const kinds = new Set<TimelineKind>(input.kinds && input.kinds.length > 0 ? input.kinds : timelineKinds);
    const items: TimelineItem[] = [];
    const { contactId } = input;
    if (kinds.has('note')) {
      for (const note of this.statements.notes.all(contactId)) {
        items.push({
          key: `note:${note.id}`,
          kind: 'note',
          at: note.created_at,
          actor: note.author,
          title: noteKindLabels[note.kind] ?? 'Note',
          detail: note.body,
          refId: note.id,
        });
      }
    }
    if (kinds.has('call')) {
      for (const call of this.statements.calls.all(contactId)) items.push(this.callItem(call));
    }
    if (kinds.has('follow_up')) {
      for (const followUp of this.statements.followUps.all(contactId)) {
        items.push({
          key: `follow_up:${followUp.id}:created`,
          kind: 'follow_up',
          at: followUp.created_at,
          actor: followUp.created_by,
          title: `Follow-up planned: ${followUp.title}`,
          detail: `Due ${new Date(followUp.due_at).toISOString()}${followUp.assignee ? `, for ${followUp.assignee}` : ''}`,
          refId: followUp.id,
        });
        if (followUp.done_at !== null) {
          items.push({
            key: `follow_up:${followUp.id}:done`,
            kind: 'follow_up',
            at: followUp.done_at,
            actor: followUp.assignee,
            title: `Follow-up done: ${followUp.title}`,
            detail: '',
            refId: followUp.id,
          });
        }
      }
    }
    if (kinds.has('file')) {
      for (const file of this.statements.files.all(contactId)) {
        items.push({
          key: `file:${file.id}`,
          kind: 'file',
          at: file.created_at,
          actor: file.added_by,
          title: `Attached ${file.name}`,
          detail: file.category,
          refId: file.id,
        });
      }
    }
    if (kinds.has('deal')) {
      for (const move of this.statements.dealMoves.all(contactId)) {
        items.push({
          key: `deal:${move.id}`,
          kind: 'deal',
          at: move.at,
          actor: move.moved_by,
          title: move.from_name === null ? `Deal opened: ${move.title} (${move.to_name ?? '?'})` : `Deal ${move.title}: ${move.from_name} → ${move.to_name ?? '?'}`,
          detail: '',
          refId: move.deal_id,
        });
      }
    }
    if (kinds.has('change')) {
      // Tag rows are keyed `<contactId>:<tag>`; ';' sorts right after ':'.
      items.push(...fieldChangeItems(this.statements.contactChanges.all(contactId, `${contactId}:`, `${contactId};`)));
    }
    for (const [kind, itemsOf] of this.sources) if (kinds.has(kind)) items.push(...itemsOf(contactId));
    items.sort(newestFirst);
    const after = input.before;
    const start = after ? items.findIndex((item) => newestFirst(item, { at: after.at, key: after.key }) > 0) : 0;
    const page = start === -1 ? [] : items.slice(start, start + input.limit);
    const last = page[page.length - 1];
    const hasMore = start !== -1 && start + input.limit < items.length;
    return { items: page, nextCursor: hasMore && last ? { at: last.at, key: last.key } : null };
  }

  dashboard(input: { endOfToday: number; startOfWeek: number }): Dashboard {
    const now = this.now();
    const dayMs = 24 * 60 * 60 * 1000;
    const firstDay = input.endOfToday + 1 - 7 * dayMs;
    const callsByDay = Array.from({ length: 7 }, (_, index) => ({ day: firstDay + index * dayMs, count: 0 }));
    let callsThisWeek = 0;
    for (const call of this.statements.callsSince.all(Math.min(firstDay, input.startOfWeek))) {
      if (call.started_at >= input.startOfWeek) callsThisWeek += 1;
      const index = Math.floor((call.started_at - firstDay) / dayMs);
      const bucket = callsByDay[index];
      if (bucket) bucket.count += 1;
    }
    return {
      followUps: {
        overdue: this.statements.overdue.get(now)!.n,
        today: this.statements.dueToday.get(now, input.endOfToday)!.n,
      },
      contactsByStatus: this.statements.byStatus.all(),
      contactsByType: this.statements.byType.all(),
      openPotentialValue: this.statements.openValue.all(),
      newContactsThisWeek: this.statements.newContacts.get(input.startOfWeek)!.n,
      callsThisWeek,
      callsByDay,
      recentActivity: this.recentActivity(8),
      pendingQuotes: this.pendingQuotes(now),
    };
  }

  /** Totals come from the lines with the same arithmetic as the quote itself. */
  private pendingQuotes(now: number) {
    const byCurrency = new Map<string, { currency: string; count: number; totalMinor: number }>();
    for (const quote of this.statements.pendingQuotes.all(now)) {
      const entry = byCurrency.get(quote.currency) ?? { currency: quote.currency, count: 0, totalMinor: 0 };
      entry.count += 1;
      entry.totalMinor += quoteTotals(JSON.parse(quote.lines) as QuoteLineInput[]).totalMinor;
      byCurrency.set(quote.currency, entry);
    }
    return [...byCurrency.values()];
  }

  private recentActivity(limit: number): ActivityItem[] {
    const notes = this.statements.recentNotes.all(limit).map((note) => ({
      key: `note:${note.id}`,
      kind: 'note' as const,
      at: note.created_at,
      actor: note.author,
      title: noteKindLabels[note.kind] ?? 'Note',
      detail: note.body.slice(0, 200),
      refId: note.id,
      contactId: note.contact_id,
      contactName: note.contact_name,
    }));
    const calls = this.statements.recentCalls.all(limit).map((call) => ({
      ...this.callItem(call),
      contactId: call.contact_id,
      contactName: call.contact_name,
    }));
    return [...notes, ...calls].sort(newestFirst).slice(0, limit);
  }

  private callItem(call: {
    id: string;
    direction: string;
    duration_seconds: number;
    disposition: string;
    notes: string;
    logged_by: string;
    started_at: number;
  }): TimelineItem {
    const direction = call.direction === 'outbound' ? 'Outbound call' : 'Inbound call';
    return {
      key: `call:${call.id}`,
      kind: 'call',
      at: call.started_at,
      actor: call.logged_by,
      title: `${direction}, ${minutes(call.duration_seconds)}, ${call.disposition}`,
      detail: call.notes,
      refId: call.id,
    };
  }
}

function newestFirst(a: { at: number; key: string }, b: { at: number; key: string }): number {
  if (a.at !== b.at) return b.at - a.at;
  return a.key < b.key ? 1 : a.key > b.key ? -1 : 0;
}
