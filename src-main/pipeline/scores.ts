import { unansweredStatuses } from '../../src-shared/domain/call';
import { gradeOf, headlineOf, lifecycleOf, type ContactScores } from '../../src-shared/domain/score';
import type { Sqlite } from '../db/open';

const dayMs = 24 * 60 * 60 * 1000;
/** A call counts as talking only when someone answered: a missed call is an attempt, not contact. */
const answered = `status NOT IN (${unansweredStatuses.map((status) => `'${status}'`).join(', ')})`;

/**
 * Lead score, grade and customer health from transparent rules: every point comes with the
 * factor that earned it, shown beside the score. Computed from the current data whenever it is
 * asked for, so it follows its inputs at once and never runs on a timer.
 */
export function createScorer(sqlite: Sqlite, now: () => number) {
  const contact = sqlite.prepare<
    [string],
    { phones: string; emails: string; company: string; potential_value_minor: number | null; do_not_contact: number; status: string; contact_type: string }
  >('SELECT phones, emails, company, potential_value_minor, do_not_contact, status, contact_type FROM contacts WHERE id = ? AND cl % 2 = 1');
  const lastActivity = sqlite.prepare<[string, string], { at: number | null }>(
    `SELECT MAX(at) AS at FROM (
       SELECT MAX(created_at) AS at FROM notes WHERE contact_id = ? AND cl % 2 = 1
       UNION ALL SELECT MAX(started_at) FROM calls WHERE contact_id = ? AND cl % 2 = 1 AND ${answered})`,
  );
  const touches = sqlite.prepare<[string, number, string, number], { n: number }>(
    `SELECT (SELECT COUNT(*) FROM notes WHERE contact_id = ? AND cl % 2 = 1 AND created_at >= ?)
          + (SELECT COUNT(*) FROM calls WHERE contact_id = ? AND cl % 2 = 1 AND started_at >= ? AND ${answered}) AS n`,
  );
  const unansweredSince = sqlite.prepare<[string, number], { n: number }>(
    `SELECT COUNT(*) AS n FROM calls WHERE contact_id = ? AND cl % 2 = 1 AND started_at > ? AND NOT ${answered}`,
  );
  const overdue = sqlite.prepare<[string, number], { n: number }>(
    'SELECT COUNT(*) AS n FROM follow_ups WHERE contact_id = ? AND cl % 2 = 1 AND done_at IS NULL AND due_at < ?',
  );
  const deals = sqlite.prepare<[string], { outcome: string; updated_at: number; closed_at: number | null; expected_days: number | null; entered_at: number | null }>(
    `SELECT s.outcome, d.updated_at, d.closed_at, s.expected_days,
            (SELECT MAX(e.at) FROM deal_stage_events e WHERE e.deal_id = d.id) AS entered_at
     FROM deals d JOIN stages s ON s.id = d.stage_id WHERE d.contact_id = ? AND d.cl % 2 = 1`,
  );

  return function scoreContact(contactId: string): ContactScores | undefined {
    const row = contact.get(contactId);
    if (!row) return undefined;
    const at = now();
    const factors: { label: string; points: number }[] = [];
    const add = (label: string, points: number) => factors.push({ label, points });
    const last = lastActivity.get(contactId, contactId)?.at ?? null;
    const daysSince = last === null ? null : Math.floor((at - last) / dayMs);
    if (daysSince !== null && daysSince <= 14) add('Talked in the last 2 weeks', 20);
    else if (daysSince !== null && daysSince <= 30) add('Talked in the last month', 10);
    if (JSON.parse(row.phones).length > 0) add('Has a phone number', 10);
    if (JSON.parse(row.emails).length > 0) add('Has an e-mail address', 10);
    if (row.company) add('Works for a company', 5);
    if ((row.potential_value_minor ?? 0) > 0) add('Has a potential value', 15);
    const engagement = touches.get(contactId, at - 90 * dayMs, contactId, at - 90 * dayMs)?.n ?? 0;
    if (engagement > 0) add(`${engagement} ${engagement === 1 ? 'call or note' : 'calls and notes'} in 90 days`, Math.min(engagement * 5, 25));
    const dealRows = deals.all(contactId);
    if (dealRows.some((deal) => deal.outcome === 'open')) add('Has an open deal', 15);
    if (row.do_not_contact === 1) add('Asked not to be contacted', -40);
    const leadScore = Math.max(0, Math.min(100, factors.reduce((sum, factor) => sum + factor.points, 0)));

    const healthFactors: string[] = [];
    let level = 0;
    const flag = (text: string, severity: 1 | 2) => {
      healthFactors.push(text);
      level = Math.max(level, severity);
    };
    const missed = unansweredSince.get(contactId, last ?? 0)?.n ?? 0;
    if (missed > 0) flag(`No answer yet: ${missed} ${missed === 1 ? 'call' : 'calls'} not answered${last === null ? '' : ' since you last talked'}`, 1);
    if (daysSince === null) {
      if (missed === 0) flag('No call or note yet', 1);
    }
    else if (daysSince > 90) flag(`No contact for ${daysSince} days`, 2);
    else if (daysSince > 45) flag(`No contact for ${daysSince} days`, 1);
    const overdueCount = overdue.get(contactId, at)?.n ?? 0;
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
    const lifecycle = lifecycleOf(row.status, row.contact_type);
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
  };
}
