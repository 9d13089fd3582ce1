import { isUnansweredOutcome } from '../../src-shared/domain/call';
import type { SlaRule } from '../../src-shared/domain/settings';
import { followUpIdForCallRule } from '../../src-shared/domain/telephony';
import type { Sqlite } from '../db/open';
import { ruleMatches, type FollowUpsService } from '../followups/service';
import type { MutationTx } from '../writes/mutation-engine';
import type { FieldValues } from '../writes/synced-tables';

// What giving a call an outcome does, in one place for every way a call gets one: logging a call
// with its outcome and the triage drawer (src-main/calls/service.ts), a bulk outcome on the calls
// list (src-main/bulk/actions.ts), and a phone line call nobody answered, whose outcome the relay
// writes (src-main/phone/caller-matching.ts). So a bulk "quote needed" promises the same call-back
// as choosing it in the drawer, and a missed call the same as "no answer" chosen by hand.

/**
 * The call's fields for a new outcome. "Nobody answered" is an outcome: a call recorded as answered
 * that is given it is recorded as unanswered, as when it is logged so.
 */
export function outcomeFields(call: { status: string }, outcome: string): FieldValues {
  const fields: FieldValues = { disposition: outcome };
  if (call.status === 'completed' && isUnansweredOutcome(outcome)) fields.status = 'no-answer';
  return fields;
}

/** A call-back one of the office's SLA rules promises: its rule and when it is due. */
export interface PromisedCallBack {
  rule: SlaRule;
  dueAt: number;
}

/**
 * The call-backs the office's SLA rules (Settings → Phone → Response-time rules) promise for a call
 * with this outcome from a contact of this type, due each rule's promise after `at`. The one rule
 * set of every path that gives a call an outcome.
 */
export function promisedCallBacks(rules: readonly SlaRule[], call: { contactType: string; outcome: string; at: number }): PromisedCallBack[] {
  return rules
    .filter((rule) => ruleMatches(rule, { contactType: call.contactType, callOutcome: call.outcome }))
    .map((rule) => ({ rule, dueAt: call.at + rule.withinMinutes * 60_000 }));
}

export interface OutcomeRulesDeps {
  sqlite: Sqlite;
  followUps: FollowUpsService;
  /** The office's SLA rules as they are now (Settings). */
  slaRules: () => readonly SlaRule[];
  now: () => number;
}

/** A call of a contact, as the rules read it. */
export interface RuledCall {
  id: string;
  contactId: string;
  contactType: string;
  startedAt: number;
  outcome: string;
}

/**
 * Applies the SLA rules to calls, in the caller's transaction: each matching rule's call-back
 * follow-up (high priority, carrying the rule's id).
 */
export function createCallBackRules({ sqlite, followUps, slaRules, now }: OutcomeRulesDeps) {
  const callOf = sqlite.prepare<[string], { contact_id: string | null; started_at: number; contact_type: string | null }>(
    `SELECT k.contact_id, k.started_at, c.contact_type FROM calls k LEFT JOIN contacts c ON c.id = k.contact_id AND c.cl % 2 = 1 WHERE k.id = ?`,
  );
  const followUpExists = sqlite.prepare<[string], { cl: number }>('SELECT cl FROM follow_ups WHERE id = ?');

  const makeCallBack = (tx: MutationTx, call: RuledCall, promise: PromisedCallBack, id?: string) =>
    followUps.create(
      { contactId: call.contactId, callId: call.id, title: promise.rule.followUpTitle, dueAt: promise.dueAt, priority: 'high' },
      promise.rule.id,
      tx,
      id,
    ).id;

  return {
    /**
     * A call's first outcome, given on this laptop: due after the call (or after now, for a call
     * logged late). A call that had an outcome already, or that belongs to no contact, gets none.
     * Answers the follow-ups made, so a bulk action can take them back out on undo.
     */
    firstOutcome(tx: MutationTx, callId: string, previousOutcome: string, outcome: string): string[] {
      if (previousOutcome !== '' || outcome === '') return [];
      const row = callOf.get(callId);
      if (!row?.contact_id || row.contact_type === null) return [];
      const call: RuledCall = { id: callId, contactId: row.contact_id, contactType: row.contact_type, startedAt: row.started_at, outcome };
      return promisedCallBacks(slaRules(), { contactType: call.contactType, outcome, at: Math.max(call.startedAt, now()) }).map((promise) => makeCallBack(tx, call, promise));
    },
    /**
     * A phone line call nobody answered, with the outcome the relay gave it: due after the call.
     * Each call-back's id comes from the call and the rule, so every laptop that sees the call
     * makes the same row, and a row that exists (even deleted since) is not made again.
     */
    missedPhoneCall(tx: MutationTx, call: RuledCall): void {
      for (const promise of promisedCallBacks(slaRules(), { contactType: call.contactType, outcome: call.outcome, at: call.startedAt })) {
        const id = followUpIdForCallRule(call.id, promise.rule.id);
        if (!followUpExists.get(id)) makeCallBack(tx, call, promise, id);
      }
    },
  };
}

export type CallBackRules = ReturnType<typeof createCallBackRules>;
/** The rules of a first outcome, as the drawer, the log and a bulk outcome apply them. */
export type OutcomeRules = CallBackRules['firstOutcome'];
