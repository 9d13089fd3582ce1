import { withShare, type SlaCounts, type SlaReport } from '../../src-shared/domain/sla';
import type { Sqlite } from '../db/open';

// The SLA report: of the call-backs due in a period (follow-ups an SLA rule made from a call), how
// many were made in time, made late, or are still open past their deadline — by the call's outcome
// and by the member who made the call-back. One grouped pass over follow_ups_call_back_due (only
// call-backs, by due time); the boundaries are those of slaStanding (src-shared/domain/sla.ts):
// made exactly at the deadline is in time, open at the deadline is not yet overdue.

interface GroupRow {
  outcome: string;
  member: string;
  in_time: number;
  late: number;
  overdue: number;
  not_due: number;
}

type Counts = Omit<SlaCounts, 'shareInTime'>;
const empty = (): Counts => ({ madeInTime: 0, madeLate: 0, openOverdue: 0, openNotDue: 0 });

function add(into: Counts, row: GroupRow): void {
  into.madeInTime += row.in_time;
  into.madeLate += row.late;
  into.openOverdue += row.overdue;
  into.openNotDue += row.not_due;
}

export function createSlaReport(sqlite: Sqlite) {
  const groups = sqlite.prepare<{ from: number; to: number; now: number }, GroupRow>(
    `SELECT k.disposition AS outcome,
            CASE WHEN f.done_at IS NOT NULL AND f.done_by <> '' THEN f.done_by ELSE f.assignee END AS member,
            SUM(f.done_at IS NOT NULL AND f.done_at <= f.due_at) AS in_time,
            SUM(f.done_at IS NOT NULL AND f.done_at > f.due_at) AS late,
            SUM(f.done_at IS NULL AND f.due_at < :now) AS overdue,
            SUM(f.done_at IS NULL AND f.due_at >= :now) AS not_due
     FROM follow_ups f INDEXED BY follow_ups_call_back_due
     JOIN calls k ON k.id = f.call_id AND k.cl % 2 = 1
     WHERE f.cl % 2 = 1 AND f.call_id IS NOT NULL AND f.sla_rule_id IS NOT NULL AND f.due_at >= :from AND f.due_at < :to
     GROUP BY outcome, member`,
  );

  return (period: { from: number; to: number }, now: number): SlaReport => {
    const total = empty();
    const byOutcome = new Map<string, Counts>();
    const byMember = new Map<string, Counts>();
    for (const row of groups.all({ ...period, now })) {
      add(total, row);
      add(byOutcome.get(row.outcome) ?? byOutcome.set(row.outcome, empty()).get(row.outcome)!, row);
      add(byMember.get(row.member) ?? byMember.set(row.member, empty()).get(row.member)!, row);
    }
    const sorted = <K extends string>(map: Map<string, Counts>, key: K) =>
      [...map].sort(([a], [b]) => a.localeCompare(b)).map(([name, counts]) => ({ [key]: name, ...withShare(counts) }) as SlaCounts & Record<K, string>);
    return { from: period.from, to: period.to, at: now, total: withShare(total), byOutcome: sorted(byOutcome, 'outcome'), byMember: sorted(byMember, 'member') };
  };
}
