import type { ActivityItem, Dashboard } from '../../src-shared/domain/timeline';
import { quoteTotals, type QuoteLineInput } from '../../src-shared/domain/quote-math';
import type { Sqlite } from '../db/open';
import { callItem, newestFirst, noteKindLabels } from '../timeline/items';
import { createDashboardQueries } from './queries';

export interface DashboardDeps {
  sqlite: Sqlite;
  now: () => number;
}

/** The figures of the home screen: counts and sums over live rows (the contact figures maintained by triggers, exact at every write). */
export class DashboardService {
  private readonly queries;
  private readonly now: () => number;

  constructor(deps: DashboardDeps) {
    this.queries = createDashboardQueries(deps.sqlite);
    this.now = deps.now;
  }

  get(input: { endOfToday: number; startOfWeek: number }): Dashboard {
    const now = this.now();
    const dayMs = 24 * 60 * 60 * 1000;
    const firstDay = input.endOfToday + 1 - 7 * dayMs;
    const callsByDay = Array.from({ length: 7 }, (_, index) => ({ day: firstDay + index * dayMs, count: 0 }));
    let callsThisWeek = 0;
    for (const call of this.queries.callsSince.all(Math.min(firstDay, input.startOfWeek))) {
      if (call.started_at >= input.startOfWeek) callsThisWeek += 1;
      const index = Math.floor((call.started_at - firstDay) / dayMs);
      const bucket = callsByDay[index];
      if (bucket) bucket.count += 1;
    }
    return {
      followUps: {
        overdue: this.queries.overdue.get(now)!.n,
        today: this.queries.dueToday.get(now, input.endOfToday)!.n,
      },
      contactsByStatus: this.queries.byStatus.all(),
      contactsByType: this.queries.byType.all(),
      openPotentialValue: this.queries.openValue.all(),
      newContactsThisWeek: this.queries.newContacts.get(input.startOfWeek)!.n,
      callsThisWeek,
      callsByDay,
      recentActivity: this.recentActivity(8),
      pendingQuotes: this.pendingQuotes(now),
    };
  }

  /** Totals come from the lines with the same arithmetic as the quote itself. */
  private pendingQuotes(now: number) {
    const byCurrency = new Map<string, { currency: string; count: number; totalMinor: number }>();
    for (const quote of this.queries.pendingQuotes.all(now)) {
      const entry = byCurrency.get(quote.currency) ?? { currency: quote.currency, count: 0, totalMinor: 0 };
      entry.count += 1;
      entry.totalMinor += quoteTotals(JSON.parse(quote.lines) as QuoteLineInput[]).totalMinor;
      byCurrency.set(quote.currency, entry);
    }
    return [...byCurrency.values()];
  }

  private recentActivity(limit: number): ActivityItem[] {
    const notes = this.queries.recentNotes.all(limit).map((note) => ({
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
    const calls = this.queries.recentCalls.all(limit).map((call) => ({
      ...callItem(call),
      contactId: call.contact_id,
      contactName: call.contact_name,
    }));
    return [...notes, ...calls].sort(newestFirst).slice(0, limit);
  }
}
