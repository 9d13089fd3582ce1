import { callIdForCallSid } from '../../src-shared/domain/telephony';

// What Twilio has said about one call, merged so that it only ever moves forward, and the call
// row the workspace sees, computed from it. A pure module: webhooks, the dial action and the
// catch-up from the Calls list all feed facts in; whatever order they come in, and however often,
// the same facts give the same row (tests/relay/telephony/call-facts.test.ts).

export type LegStatus = 'queued' | 'initiated' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'failed' | 'no-answer' | 'canceled';

export const terminalStatuses: readonly string[] = ['completed', 'busy', 'failed', 'no-answer', 'canceled'];
const missedDialStatuses: readonly string[] = ['no-answer', 'busy', 'failed'];

const statusRank = (status: string | undefined): number => {
  if (status === undefined) return -1;
  if (terminalStatuses.includes(status)) return 3;
  if (status === 'in-progress' || status === 'answered') return 2;
  if (status === 'ringing') return 1;
  return 0;
};

/** Everything known about a call leg. Every field is optional: facts arrive in any order. */
export interface CallFacts {
  direction?: 'inbound' | 'outbound';
  /** The customer's number (E.164 or whatever Twilio gave, such as "anonymous"). */
  otherNumber?: string;
  officeNumber?: string;
  startedAt?: number;
  /** The caller's (parent) leg, as Twilio's CallStatus says. */
  legStatus?: string;
  legDuration?: number;
  /** From the <Dial> action: how the last ring attempt ended. */
  dialStatus?: string;
  /** The caller's leg was still in progress when the dial ended (so nobody picked up: missed). */
  dialEndedWhileCallerOn?: boolean;
  /** Seconds the answered leg talked (DialCallDuration, or the answering child's CallDuration). */
  talkSeconds?: number;
  answered?: boolean;
  /** Outside opening hours the caller went straight to voicemail. */
  voicemailOnly?: boolean;
  blocked?: boolean;
  recordingSha256?: string;
  recordingSeconds?: number;
  transcript?: string;
  /** Click-to-call: the contact the member called, and who called. */
  contactId?: string;
  calledBy?: string;
}

/** Merges `update` into `facts`; statuses only move forward, a known value is never unset. */
export function mergeFacts(facts: CallFacts, update: CallFacts): CallFacts {
  const next: CallFacts = { ...facts };
  for (const [key, value] of Object.entries(update) as [keyof CallFacts, CallFacts[keyof CallFacts]][]) {
    if (value === undefined) continue;
    switch (key) {
      case 'legStatus':
        if (statusRank(value as string) > statusRank(next.legStatus)) next.legStatus = value as string;
        break;
      case 'answered':
      case 'blocked':
      case 'voicemailOnly':
      case 'dialEndedWhileCallerOn':
        next[key] = Boolean(next[key]) || Boolean(value);
        break;
      case 'legDuration':
      case 'talkSeconds':
      case 'recordingSeconds':
        next[key] = Math.max(next[key] ?? 0, value as number);
        break;
      case 'dialStatus':
        // An answered dial is final; otherwise the latest attempt's outcome stands.
        if (next.dialStatus !== 'completed' && next.dialStatus !== 'answered') next.dialStatus = value as string;
        break;
      case 'direction':
      case 'otherNumber':
      case 'officeNumber':
      case 'contactId':
      case 'calledBy':
        // Who called whom is settled by the first to say it (the incoming webhook, the
        // click-to-call request); the Calls list sees a click-to-call from the member's phone.
        if (next[key] === undefined) (next as Record<string, unknown>)[key] = value;
        break;
      case 'startedAt':
        next.startedAt = next.startedAt === undefined ? (value as number) : Math.min(next.startedAt, value as number);
        break;
      default:
        (next as Record<string, unknown>)[key] = value;
    }
  }
  return next;
}

export type CallRowFields = Record<string, string | number | null>;

export const phoneLineAuthor = 'Phone line';

/** The status a person would call this call: ringing, in progress, or how it ended. */
export function callStatusOf(facts: CallFacts): string {
  const ended = facts.legStatus !== undefined && terminalStatuses.includes(facts.legStatus);
  if (facts.blocked) return 'canceled';
  const answered = facts.answered || facts.dialStatus === 'completed' || facts.dialStatus === 'answered';
  if (answered) return ended ? 'completed' : 'in-progress';
  if (facts.dialStatus && missedDialStatuses.includes(facts.dialStatus)) return facts.dialEndedWhileCallerOn === false ? 'canceled' : facts.dialStatus;
  if (facts.dialStatus === 'canceled') return 'canceled';
  if (facts.voicemailOnly) return 'no-answer';
  if (ended) return facts.legStatus === 'completed' ? 'canceled' : facts.legStatus!;
  return facts.legStatus === 'queued' || facts.legStatus === 'initiated' ? 'queued' : 'ringing';
}

/** True once Twilio has said, through the <Dial> action, that nobody picked up while the caller waited. */
export function isMissed(facts: CallFacts): boolean {
  return callStatusOf(facts) !== 'canceled' && facts.dialStatus !== undefined && missedDialStatuses.includes(facts.dialStatus) && !facts.answered;
}

/**
 * The calls row (src-main/db/schema.ts) for these facts. Only fields the relay owns: a person's
 * outcome, notes or contact link are never overwritten, except that a missed or voicemail-only
 * call gets its outcome once, as the SLA rules read it.
 */
export function callRowFields(callSid: string, facts: CallFacts, createdAt: number): CallRowFields {
  const status = callStatusOf(facts);
  const fields: CallRowFields = {
    direction: facts.direction ?? 'inbound',
    number: facts.otherNumber ?? '',
    office_number: facts.officeNumber ?? '',
    started_at: facts.startedAt ?? createdAt,
    status,
    duration_seconds: status === 'completed' || status === 'in-progress' ? (facts.talkSeconds ?? 0) : 0,
    provider: 'twilio',
    provider_id: callSid,
    spam: facts.blocked ? 1 : 0,
    logged_by: facts.calledBy ?? phoneLineAuthor,
    created_at: createdAt,
    cl: 1,
  };
  if (facts.blocked) fields.disposition = 'blocked';
  else if (isMissed(facts)) fields.disposition = 'no answer';
  else if (facts.voicemailOnly) fields.disposition = 'voicemail';
  if (facts.contactId) fields.contact_id = facts.contactId;
  if (facts.recordingSha256) {
    fields.recording_sha256 = facts.recordingSha256;
    fields.recording_seconds = facts.recordingSeconds ?? 0;
  }
  if (facts.transcript) fields.transcript = facts.transcript;
  return fields;
}

/** The fields of `next` that differ from what was last written: nothing when nothing changed. */
export function changedFields(written: CallRowFields, next: CallRowFields): CallRowFields {
  const changed: CallRowFields = {};
  for (const [name, value] of Object.entries(next)) {
    if (name === 'created_at' && written.created_at !== undefined) continue;
    if (written[name] !== value) changed[name] = value;
  }
  return changed;
}

export const callRowId = callIdForCallSid;
