import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type {
  FollowUp,
  FollowUpDraftSchema,
  FollowUpListKind,
  FollowUpListQuery,
  FollowUpPatchSchema,
} from '../../src-shared/domain/follow-up';
import type { SlaRule } from '../../src-shared/domain/settings';
import { AppError } from '../../src-shared/errors';
import type { MutationTx } from '../writes/mutation-engine';
import type { FieldValues } from '../writes/synced-tables';
import { createFollowUpQueries, rowToFollowUp } from './queries';
import { WritingService, type WriteDeps } from '../writes/write-deps';

export type FollowUpListInput = FollowUpListQuery & { offset: number; limit: number };

export class FollowUpsService extends WritingService {
  private readonly queries;

  constructor(deps: WriteDeps) {
    super(deps);
    this.queries = createFollowUpQueries(deps.sqlite);
    // A contact's next follow-up is derived from its open follow-ups, never typed twice; and a
    // follow-up whose due time moved reminds again. A contact written after its follow-ups (they
    // came first from another laptop) takes theirs.
    deps.engine.onRowsWritten((touched) => {
      const contacts = touched.get('contacts');
      if (contacts && contacts.size > 0) this.queries.fillNextFollowUps([...contacts]);
      const contactIds = new Set<string>();
      for (const id of touched.get('follow_ups') ?? []) {
        const contactId = this.queries.contactOf(id);
        if (contactId) contactIds.add(contactId);
      }
      for (const contactId of contactIds) this.queries.refreshNextFollowUp(contactId);
    });
  }

  get(id: string): FollowUp {
    const row = this.queries.get(id);
    if (!row) throw new AppError('not_found', 'That follow-up does not exist or was deleted.', 'id');
    return rowToFollowUp(row, this.now());
  }

  list(input: FollowUpListInput): { total: number; items: FollowUp[] } {
    const now = this.now();
    const { total, rows } = this.queries.list({
      view: input.view,
      ...(input.scope === 'mine' ? { assignee: this.settings.get().userName } : {}),
      ...(input.contactId ? { contactId: input.contactId } : {}),
      now,
      endOfToday: input.endOfToday,
      offset: input.offset,
      limit: input.limit,
      ...(input.sort ? { sort: input.sort } : {}),
    });
    return { total, items: rows.map((row) => rowToFollowUp(row, now)) };
  }

  counts(input: { scope: 'mine' | 'team'; endOfToday: number }) {
    const count = (view: FollowUpListKind) => this.list({ ...input, view, offset: 0, limit: 1 }).total;
    return { overdue: count('overdue'), today: count('today'), upcoming: count('upcoming') };
  }

  /** `id` is given for follow-ups made from an outside fact (a missed phone line call), the same on every laptop. */
  create(draft: z.output<typeof FollowUpDraftSchema>, slaRuleId: string | null = null, outerTx?: MutationTx, id = uuidv7()): FollowUp {
    this.lifecycle.requireAlive('contacts', draft.contactId, 'contact', 'contactId');
    if (draft.callId) this.lifecycle.requireAlive('calls', draft.callId, 'call', 'callId');
    const timestamp = this.now();
    const userName = this.settings.get().userName;
    const write = (tx: MutationTx) =>
      tx.write('follow_ups', id, {
        contact_id: draft.contactId,
        call_id: draft.callId,
        title: draft.title,
        due_at: draft.dueAt,
        assignee: draft.assignee ?? userName,
        priority: draft.priority,
        done_at: null,
        sla_rule_id: slaRuleId,
        created_by: userName,
        created_at: timestamp,
        updated_at: timestamp,
        cl: 1,
      });
    if (outerTx) write(outerTx);
    else this.engine.transaction(write);
    return this.get(id);
  }

  update(id: string, patch: z.output<typeof FollowUpPatchSchema>): FollowUp {
    const current = this.get(id);
    const changed: FieldValues = {};
    if (patch.title !== undefined && patch.title !== current.title) changed.title = patch.title;
    if (patch.dueAt !== undefined && patch.dueAt !== current.dueAt) changed.due_at = patch.dueAt;
    if (patch.assignee !== undefined && patch.assignee !== current.assignee) changed.assignee = patch.assignee;
    if (patch.priority !== undefined && patch.priority !== current.priority) changed.priority = patch.priority;
    return this.write(id, current, changed);
  }

  complete(id: string): FollowUp {
    const current = this.get(id);
    return current.doneAt !== null ? current : this.write(id, current, { done_at: this.now(), done_by: this.settings.get().userName });
  }

  reopen(id: string): FollowUp {
    const current = this.get(id);
    return current.doneAt === null ? current : this.write(id, current, { done_at: null, done_by: '' });
  }

  snooze(id: string, until: number): FollowUp {
    const current = this.get(id);
    if (current.doneAt !== null) throw new AppError('conflict', 'This follow-up is done; reopen it to snooze it.', 'id');
    return this.write(id, current, { due_at: until });
  }

  delete(id: string): { id: string } {
    this.lifecycle.delete('follow_ups', id, 'follow-up');
    return { id };
  }

  restore(id: string): FollowUp {
    this.lifecycle.restore('follow_ups', id, 'follow-up');
    return this.get(id);
  }

  /** Due follow-ups this laptop has not shown a reminder for yet (also those due while closed). */
  dueReminders(): FollowUp[] {
    const now = this.now();
    return this.queries.dueUnshown(now).map((row) => rowToFollowUp(row, now));
  }

  /** When the next reminder falls due after `after`: the earliest open follow-up not yet shown, or null. */
  nextReminderAt(after: number): number | null {
    return this.queries.nextDueUnshown(after);
  }

  /** Called by the UI that showed the reminder, so each follow-up reminds once. */
  /**
   * One write for every reminder a screen showed at once (a laptop opened after a week away may
   * show dozens), rather than a call each while the first screen is loading.
   */
  acknowledgeReminders(ids: string[]): { ids: string[] } {
    // Only a follow-up that exists (deleted ones included) has a reminder to acknowledge.
    const unknown = ids.find((id) => this.queries.contactOf(id) === undefined);
    if (unknown !== undefined) throw new AppError('not_found', `There is no follow-up ${unknown}.`, 'ids');
    this.queries.markAllShown(ids, this.now());
    return { ids };
  }

  /** The follow-ups an SLA rule asks for, created in the caller's transaction; answers their ids. */
  applyRules(
    tx: MutationTx,
    trigger: { contactId: string; contactType: string; callOutcome?: string; callId?: string; at: number },
  ): string[] {
    const created: string[] = [];
    for (const rule of this.settings.get().slaRules) {
      if (!ruleMatches(rule, trigger)) continue;
      const followUp = this.create(
        {
          contactId: trigger.contactId,
          callId: trigger.callId ?? null,
          title: rule.followUpTitle,
          dueAt: trigger.at + rule.withinMinutes * 60_000,
          priority: 'high',
        },
        rule.id,
        tx,
      );
      created.push(followUp.id);
    }
    return created;
  }

  private write(id: string, current: FollowUp, changed: FieldValues): FollowUp {
    if (Object.keys(changed).length === 0) return current;
    this.engine.transaction((tx) => {
      tx.write('follow_ups', id, { ...changed, updated_at: this.now() });
      if ('due_at' in changed || 'done_at' in changed) this.queries.forgetShown(id);
    });
    return this.get(id);
  }
}

export function ruleMatches(rule: SlaRule, trigger: { contactType: string; callOutcome?: string }): boolean {
  if (rule.contactType && rule.contactType !== trigger.contactType) return false;
  if (rule.callOutcome) return rule.callOutcome === trigger.callOutcome;
  // A rule without a call outcome is about new contacts of its type, not about calls.
  return trigger.callOutcome === undefined;
}
