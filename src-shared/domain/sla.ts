import { z } from 'zod';
import { EpochMsSchema } from './contact';
import type { SlaRule } from './settings';

// How a call-back (a follow-up an SLA rule made from a call) stands against its promise. The
// promise's deadline is the follow-up's due time, so snoozing a call-back moves its promise too.
// One function for every screen (triage, the call drawer, the calls list, the follow-ups list)
// and for the core's SLA report, so they never disagree on a boundary.

export const slaStandings = ['ok', 'due_soon', 'overdue', 'made_in_time', 'made_late'] as const;
export type SlaStanding = (typeof slaStandings)[number];

/** The call-back a call was promised: its follow-up, when it is due and when it was made. */
export const CallBackSchema = z.object({
  followUpId: z.string(),
  slaRuleId: z.string(),
  dueAt: EpochMsSchema,
  doneAt: EpochMsSchema.nullable(),
});
export type CallBack = z.infer<typeof CallBackSchema>;

/** Without its rule (deleted from the settings since), "due soon" is the last hour. */
export const fallbackPromiseMs = 4 * 60 * 60_000;
/** The share of the promise left when a call-back becomes "due soon": its last quarter. */
export const dueSoonShare = 0.25;

/**
 * ok → due soon → overdue while open; made in time or late once done. "Due soon" is the last
 * quarter of the rule's promise (the last 30 minutes of a 2-hour promise, the last 6 hours of a
 * day). A call-back made exactly at its deadline is in time; one still open at its deadline is
 * overdue only once the deadline has passed.
 */
export function slaStanding(callBack: Pick<CallBack, 'dueAt' | 'doneAt'>, promiseMinutes: number | undefined, now: number): SlaStanding {
  if (callBack.doneAt !== null) return callBack.doneAt <= callBack.dueAt ? 'made_in_time' : 'made_late';
  if (now > callBack.dueAt) return 'overdue';
  const promiseMs = promiseMinutes !== undefined ? promiseMinutes * 60_000 : fallbackPromiseMs;
  return callBack.dueAt - now <= promiseMs * dueSoonShare ? 'due_soon' : 'ok';
}

/** The promise of the rule that made a call-back, in minutes, or undefined if the rule is gone. */
export function promiseMinutesOf(rules: readonly Pick<SlaRule, 'id' | 'withinMinutes'>[], slaRuleId: string): number | undefined {
  return rules.find((rule) => rule.id === slaRuleId)?.withinMinutes;
}

/** "1 h 20 min", "3 d 2 h", "12 min", "less than a minute". */
export function spanText(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/** What the timer says: "due in 1 h 20 min", "overdue by 12 min", "made in time", "made 5 min late". */
export function slaCountdownText(callBack: Pick<CallBack, 'dueAt' | 'doneAt'>, now: number): string {
  if (callBack.doneAt !== null) {
    return callBack.doneAt <= callBack.dueAt ? 'made in time' : `made ${spanText(callBack.doneAt - callBack.dueAt)} late`;
  }
  return now > callBack.dueAt ? `overdue by ${spanText(now - callBack.dueAt)}` : `due in ${spanText(callBack.dueAt - now)}`;
}

export const slaStandingLabels: Record<SlaStanding, string> = {
  ok: 'On time',
  due_soon: 'Due soon',
  overdue: 'Overdue',
  made_in_time: 'Made in time',
  made_late: 'Made late',
};

/** The SLA report's period: call-backs due from `from` (inclusive) to `to` (exclusive). */
export const SlaReportQuerySchema = z
  .object({ from: EpochMsSchema, to: EpochMsSchema })
  .refine((period) => period.from < period.to, { message: 'The period must end after it starts', path: ['to'] });
export type SlaReportQuery = z.input<typeof SlaReportQuerySchema>;

/** How the call-backs of one group (an outcome, a member, or all) stood against their promises. */
export const SlaCountsSchema = z.object({
  madeInTime: z.number().int(),
  madeLate: z.number().int(),
  /** Still open and past their deadline: broken promises, counted against the share. */
  openOverdue: z.number().int(),
  /** Still open and not yet due: left out of the share. */
  openNotDue: z.number().int(),
  /** Made in time ÷ (made in time + made late + open overdue); null when none of those. */
  shareInTime: z.number().min(0).max(1).nullable(),
});
export type SlaCounts = z.infer<typeof SlaCountsSchema>;

export const SlaReportSchema = z.object({
  from: EpochMsSchema,
  to: EpochMsSchema,
  /** When the report was read: what "open overdue" is measured against. */
  at: EpochMsSchema,
  total: SlaCountsSchema,
  byOutcome: z.array(SlaCountsSchema.extend({ outcome: z.string() })),
  /** Who made the call-back (who marked it done); an open one counts for its assignee. */
  byMember: z.array(SlaCountsSchema.extend({ member: z.string() })),
});
export type SlaReport = z.infer<typeof SlaReportSchema>;

/** The share of promises kept, from the four counts. */
export function withShare(counts: Omit<SlaCounts, 'shareInTime'>): SlaCounts {
  const judged = counts.madeInTime + counts.madeLate + counts.openOverdue;
  return { ...counts, shareInTime: judged === 0 ? null : counts.madeInTime / judged };
}
