import { gradeOf, headlineOf, lifecycleOf, type ContactScores, type Lifecycle } from '../../src-shared/domain/score';
import type { Sqlite } from '../db/open';
import { createScoreQueries } from './queries';

const dayMs = 24 * 60 * 60 * 1000;

const stageLifecycle: Record<string, Lifecycle | undefined> = { lead: 'lead', qualified: 'lead', customer: 'customer', former_customer: 'dormant' };

/**
 * Lead score, grade and customer health from transparent rules: every point comes with the
 * factor that earned it, shown beside the score. Computed from the current data whenever it is
 * asked for, so it follows its inputs at once and never runs on a timer.
 */
export class ContactScorer {
  private readonly queries;
  private readonly now: () => number;

  private readonly stageOf;

  constructor(deps: { sqlite: Sqlite; now: () => number }) {
    this.queries = createScoreQueries(deps.sqlite);
    this.now = deps.now;
    this.stageOf = deps.sqlite.prepare<[string], { stage: string }>(
      'SELECT stage FROM lifecycle_events WHERE contact_id = ? AND cl % 2 = 1 ORDER BY at DESC, id DESC LIMIT 1',
    );
  }

  /** Undefined when the contact does not exist or was deleted. */
  score(contactId: string): ContactScores | undefined {
    const row = this.queries.contact.get(contactId);
    if (!row) return undefined;
    const at = this.now();
    const factors: { label: string; points: number }[] = [];
    const add = (label: string, points: number) => factors.push({ label, points });
    const last = this.queries.lastActivity.get(contactId, contactId)?.at ?? null;
    const daysSince = last === null ? null : Math.floor((at - last) / dayMs);
    if (daysSince !== null && daysSince <= 14) add('Talked in the last 2 weeks', 20);
    else if (daysSince !== null && daysSince <= 30) add('Talked in the last month', 10);
    if (JSON.parse(row.phones).length > 0) add('Has a phone number', 10);
    if (JSON.parse(row.emails).length > 0) add('Has an e-mail address', 10);
    if (row.company) add('Works for a company', 5);
    if ((row.potential_value_minor ?? 0) > 0) add('Has a potential value', 15);
    const engagement = this.queries.touches.get(contactId, at - 90 * dayMs, contactId, at - 90 * dayMs)?.n ?? 0;
    if (engagement > 0) add(`${engagement} ${engagement === 1 ? 'call or note' : 'calls and notes'} in 90 days`, Math.min(engagement * 5, 25));
    const dealRows = this.queries.deals.all(contactId);
    if (dealRows.some((deal) => deal.outcome === 'open')) add('Has an open deal', 15);
    if (row.do_not_contact === 1) add('Asked not to be contacted', -40);
    const leadScore = Math.max(0, Math.min(100, factors.reduce((sum, factor) => sum + factor.points, 0)));

    const healthFactors: string[] = [];
    let level = 0;
    const flag = (text: string, severity: 1 | 2) => {
      healthFactors.push(text);
      level = Math.max(level, severity);
    };
    const missed = this.queries.unansweredSince.get(contactId, last ?? 0)?.n ?? 0;
    if (missed > 0) flag(`No answer yet: ${missed} ${missed === 1 ? 'call' : 'calls'} not answered${last === null ? '' : ' since you last talked'}`, 1);
    if (daysSince === null) {
      if (missed === 0) flag('No call or note yet', 1);
    }
    else if (daysSince > 90) flag(`No contact for ${daysSince} days`, 2);
    else if (daysSince > 45) flag(`No contact for ${daysSince} days`, 1);
    const overdueCount = this.queries.overdue.get(contactId, at)?.n ?? 0;
    if (overdueCount >= 3) flag(`${overdueCount} follow-ups overdue`, 2);
    else if (overdueCount > 0) flag(`${overdueCount} follow-up${overdueCount === 1 ? '' : 's'} overdue`, 1);
    for (const deal of dealRows) {
      if (deal.outcome === 'open' && deal.expected_days !== null && deal.entered_at !== null) {
        const days = Math.floor((at - deal.entered_at) / dayMs);
        if (days > deal.expected_days) flag(`A deal has been stuck in its stage for ${days} days`, 1);
      }
      if (deal.outcome === 'lost' && deal.closed_at !== null && at - deal.closed_at < 90 * dayMs) flag('Lost a deal in the last 90 days', 1);
    }
    const grade = gradeOf(leadScore);
    // A stage someone set (src-main/lifecycle/) says more than the contact's type and status.
    const lifecycle = stageLifecycle[this.stageOf.get(contactId)?.stage ?? ''] ?? lifecycleOf(row.status, row.contact_type);
    return {
      lifecycle,
      scoreName: lifecycle === 'lead' ? 'Lead score' : 'Engagement',
      headline: headlineOf(lifecycle, grade),
      leadScore,
      grade,
      leadFactors: factors,
      health: level === 2 ? 'red' : level === 1 ? 'yellow' : 'green',
      healthFactors,
    };
  }
}
