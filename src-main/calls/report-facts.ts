import { unansweredStatuses, type Call } from '../../src-shared/domain/call';
import type { SlaCounts } from '../../src-shared/domain/sla';
import { officeTimeZone } from '../../src-shared/office-time';
import { formatPhoneForPeople } from '../../src-shared/phone';
import { officeLocale } from '../pipeline/quote-pdf';

// What the calls exports say about calls, shared by the CSV (export-csv.ts) and the printable
// report (report-pdf.ts) so the two files never disagree on what "missed" or "after hours" means.

/** How the office writes times and numbers: its time zone and region (Settings → Office, Phone). */
export interface OfficeClock {
  timeZone: string;
  region: string;
  locale: string;
  /** "5 Dec 2026, 14:02" in the office's locale and zone. */
  dateTime: Intl.DateTimeFormat;
  /** A number as the office writes it: nationally for its own country, internationally otherwise. */
  formatPhone: (e164: string) => string;
}

export function officeClock(settings: { timeZone: string; defaultRegion: string }): OfficeClock {
  const timeZone = officeTimeZone(settings.timeZone);
  const locale = officeLocale(settings.defaultRegion);
  return {
    timeZone,
    region: settings.defaultRegion,
    locale,
    dateTime: new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
    formatPhone: (e164) => (e164 ? formatPhoneForPeople(e164, settings.defaultRegion) : ''),
  };
}

export function isMissed(call: Pick<Call, 'status'>): boolean {
  return unansweredStatuses.includes(call.status);
}

export function directionLabel(call: Pick<Call, 'direction'>): string {
  return call.direction === 'inbound' ? 'Incoming' : 'Outgoing';
}

/** The markers the calls list shows, as words: Emergency, After hours, Spam, Missed. */
export function callFlags(call: Pick<Call, 'emergency' | 'emergencyKeyword' | 'afterHours' | 'spam' | 'status'>): string[] {
  const flags: string[] = [];
  if (call.emergency || call.emergencyKeyword) flags.push(call.emergencyKeyword && !call.emergency ? `Emergency: ${call.emergencyKeyword}` : 'Emergency');
  if (call.afterHours) flags.push('After hours');
  if (call.spam) flags.push('Spam');
  if (isMissed(call)) flags.push('Missed');
  return flags;
}

/** A count per name, largest first, then by name. */
export interface NamedCount {
  name: string;
  calls: number;
}

export interface CallPeriodSummary {
  total: number;
  answered: number;
  missed: number;
  incoming: number;
  outgoing: number;
  afterHours: number;
  emergencies: number;
  byOutcome: NamedCount[];
  byMember: NamedCount[];
}

export const noOutcomeName = 'No outcome yet';
export const phoneLineMember = 'Phone line (not logged by anyone)';

function sortedCounts(counts: Map<string, number>): NamedCount[] {
  return [...counts].map(([name, calls]) => ({ name, calls })).sort((a, b) => b.calls - a.calls || a.name.localeCompare(b.name));
}

/** The period's totals: answered and missed, after hours, emergencies, by outcome and by who logged the call. */
export function summariseCalls(calls: Iterable<Call>): CallPeriodSummary {
  const summary: CallPeriodSummary = { total: 0, answered: 0, missed: 0, incoming: 0, outgoing: 0, afterHours: 0, emergencies: 0, byOutcome: [], byMember: [] };
  const outcomes = new Map<string, number>();
  const members = new Map<string, number>();
  for (const call of calls) {
    summary.total += 1;
    if (isMissed(call)) summary.missed += 1;
    else summary.answered += 1;
    if (call.direction === 'inbound') summary.incoming += 1;
    else summary.outgoing += 1;
    if (call.afterHours) summary.afterHours += 1;
    if (call.emergency || call.emergencyKeyword) summary.emergencies += 1;
    const outcome = call.disposition || noOutcomeName;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    const member = call.loggedBy || phoneLineMember;
    members.set(member, (members.get(member) ?? 0) + 1);
  }
  summary.byOutcome = sortedCounts(outcomes);
  summary.byMember = sortedCounts(members);
  return summary;
}

/** "83%" of call-backs made within their promise, or a dash when none was due. */
export function shareText(counts: Pick<SlaCounts, 'shareInTime'>): string {
  return counts.shareInTime === null ? '—' : `${Math.round(counts.shareInTime * 100)}%`;
}
