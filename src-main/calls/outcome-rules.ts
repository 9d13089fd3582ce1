import { isUnansweredOutcome } from '../../src-shared/domain/call';
import type { Sqlite } from '../db/open';
import type { FollowUpsService } from '../followups/service';
import type { MutationTx } from '../writes/mutation-engine';
import type { FieldValues } from '../writes/synced-tables';

// What giving a call an outcome does, in one place for every way of giving one: logging a call
// with its outcome and the triage drawer (src-main/calls/service.ts), and a bulk outcome on the
// calls list (src-main/bulk/actions.ts). So a bulk "quote needed" promises the same call-back
// as choosing it in the drawer.

/**
 * The call's fields for a new outcome. "Nobody answered" is an outcome: a call recorded as answered
 * that is given it is recorded as unanswered, as when it is logged so.
 */
export function outcomeFields(call: { status: string }, outcome: string): FieldValues {
  const fields: FieldValues = { disposition: outcome };
  if (call.status === 'completed' && isUnansweredOutcome(outcome)) fields.status = 'no-answer';
  return fields;
}

export interface OutcomeRulesDeps {
  sqlite: Sqlite;
  followUps: FollowUpsService;
  now: () => number;
}

/**
 * Applies the office's SLA rules (Settings → Phone → Response-time rules) to a call's first
 * outcome, in the caller's transaction: each matching rule's call-back follow-up, due its promise
 * after the call (or after now, for a call logged late). A call that had an outcome already, or
 * that belongs to no contact, gets none. Answers the follow-ups made, so a bulk action can take
 * them back out on undo.
 */
export function createOutcomeRules({ sqlite, followUps, now }: OutcomeRulesDeps) {
  const callOf = sqlite.prepare<[string], { contact_id: string | null; started_at: number; contact_type: string | null }>(
    `SELECT k.contact_id, k.started_at, c.contact_type FROM calls k LEFT JOIN contacts c ON c.id = k.contact_id AND c.cl % 2 = 1 WHERE k.id = ?`,
  );
  return (tx: MutationTx, callId: string, previousOutcome: string, outcome: string): string[] => {
    if (previousOutcome !== '' || outcome === '') return [];
    const call = callOf.get(callId);
    if (!call?.contact_id || call.contact_type === null) return [];
    return followUps.applyRules(tx, {
      contactId: call.contact_id,
      contactType: call.contact_type,
      callOutcome: outcome,
      callId,
      at: Math.max(call.started_at, now()),
    });
  };
}

export type OutcomeRules = ReturnType<typeof createOutcomeRules>;
