import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { noAnswerOutcome, type Call, type CallDraftSchema, type CallPatchSchema, type NumberOwner, type TriageQueue } from '../../src-shared/domain/call';
import { AppError } from '../../src-shared/errors';
import { normalisePhone } from '../../src-shared/phone';
import type { FollowUpsService } from '../followups/service';
import type { SlaReport } from '../../src-shared/domain/sla';
import { createSlaReport } from './sla-report';
import { isWithinOpeningHours } from '../../src-shared/domain/call-flags';
import { cachedOpeningHours } from '../phone/service';
import type { LocalState } from '../settings/local-state';
import { keepCallFlags } from './call-flags';
import { createCallBackRules, outcomeFields, type OutcomeRules } from './outcome-rules';
import { createCallTags, type CallTags } from './call-tags';
import { createCallQueries, rowToCall, rowToCallBack, type CallListFilter, type CallRow, type ParsedCallListQuery } from './queries';
import type { FieldValues } from '../writes/synced-tables';
import { WritingService, type WriteDeps } from '../writes/write-deps';

export class CallsService extends WritingService {
  private readonly queries;
  private readonly tags: CallTags;
  private readonly report;
  /** The SLA rules a first outcome applies (outcome-rules.ts, shared with bulk outcomes). */
  readonly outcomeRules: OutcomeRules;

  private readonly state: LocalState;

  constructor(deps: WriteDeps & { followUps: FollowUpsService; state: LocalState }) {
    super(deps);
    this.outcomeRules = createCallBackRules({ sqlite: deps.sqlite, followUps: deps.followUps, slaRules: () => this.settings.get().slaRules, now: () => this.now() }).firstOutcome;
    this.state = deps.state;
    keepCallFlags(deps);
    this.queries = createCallQueries(deps.sqlite);
    this.tags = createCallTags(deps.sqlite);
    this.report = createSlaReport(deps.sqlite);
  }

  get(id: string): Call {
    const row = this.queries.get(id);
    if (!row) throw new AppError('not_found', 'That call does not exist or was deleted.', 'id');
    return this.withAfterHours(this.withTags([rowToCall(row)]))[0]!;
  }

  list(query: ParsedCallListQuery): { total: number; items: Call[] } {
    const { total, rows } = this.queries.list(query);
    return { total, items: this.withAfterHours(this.withTags(rows.map(rowToCall))) };
  }

  /** Every call the list shows for these filters, in its order (an export reads them in chunks with `read`). */
  matchingIds(filter: CallListFilter): string[] {
    return this.queries.matchingIds(filter);
  }

  /** These calls as the list shows them, in the order asked; a call deleted since is left out. */
  read(ids: readonly string[]): Call[] {
    const byId = new Map<string, CallRow>();
    // One statement per thousand ids: SQLite limits the parameters of one statement.
    for (let at = 0; at < ids.length; at += 1000) for (const row of this.queries.rowsOf(ids.slice(at, at + 1000))) byId.set(row.id, row);
    const rows = ids.flatMap((id) => byId.get(id) ?? []);
    return this.withAfterHours(this.withTags(rows.map(rowToCall)));
  }

  private withTags(calls: Call[]): Call[] {
    const tags = this.tags.of(calls.map((call) => call.id));
    for (const call of calls) call.tags = tags.get(call.id) ?? [];
    return calls;
  }

  /** Puts a tag on a call (synced as its own row, so a colleague's tags on the same call stay). */
  addTag(id: string, tag: string): Call {
    this.get(id);
    this.engine.transaction((tx) => this.tags.add(tx, id, tag));
    return this.get(id);
  }

  /** Takes a tag off a call. */
  removeTag(id: string, tag: string): Call {
    this.get(id);
    this.engine.transaction((tx) => this.tags.remove(tx, id, tag));
    return this.get(id);
  }

  /** Tags in use on calls, most used first: what the tag box and the list's tag filter offer. */
  tagsInUse(): string[] {
    return this.tags.inUse(200);
  }

  /** Marks the incoming calls that arrived while the office was closed, by the phone line's opening hours. */
  private withAfterHours<T extends { direction: string; startedAt: number; afterHours: boolean }>(calls: T[]): T[] {
    const hours = cachedOpeningHours(this.state);
    if (!hours) return calls;
    for (const call of calls) call.afterHours = call.direction === 'inbound' && !isWithinOpeningHours(hours.openingHours, hours.timeZone, call.startedAt);
    return calls;
  }

  /**
   * Logs a call by hand. The number is matched to a contact by E.164 unless a contact is given;
   * an unmatched call is kept with no contact, and the UI offers to create one. SLA rules for
   * the outcome create their follow-up in the same transaction.
   */
  log(draft: z.output<typeof CallDraftSchema>): Call {
    const settings = this.settings.get();
    const e164 = normalisePhone(draft.number, settings.defaultRegion);
    if (!e164) {
      throw new AppError('invalid_input', `"${draft.number}" is not a phone number Fieldbook can read.`, 'number');
    }
    this.requireKnownOutcome(draft.disposition);
    let contact: { id: string } | undefined;
    if (draft.contactId) {
      this.lifecycle.requireAlive('contacts', draft.contactId, 'contact', 'contactId');
      contact = { id: draft.contactId };
    } else {
      contact = this.queries.contactByPhone(e164);
    }
    const id = uuidv7();
    this.engine.transaction((tx) => {
      tx.write('calls', id, {
        contact_id: contact?.id ?? null,
        direction: draft.direction,
        number: e164,
        started_at: draft.startedAt,
        duration_seconds: draft.durationSeconds,
        status: draft.status,
        // "Nobody answered" is an outcome: choosing it is enough to record the call as unanswered.
        ...outcomeFields(draft, draft.disposition),
        notes: draft.notes,
        provider: 'manual',
        spam: draft.spam ? 1 : 0,
        emergency: draft.emergency ? 1 : 0,
        logged_by: settings.userName,
        created_at: this.now(),
        cl: 1,
      });
      this.outcomeRules(tx, id, '', draft.disposition);
    });
    return this.get(id);
  }

  /** Who has this number: the contact a call from or to it would be linked to. */
  whoseNumber(number: string): NumberOwner {
    const e164 = normalisePhone(number, this.settings.get().defaultRegion);
    if (!e164) return { number: null, contact: null };
    const contact = this.queries.contactByPhone(e164);
    return { number: e164, contact: contact ? { id: contact.id, name: contact.name } : null };
  }

  /** Links a call, and every other unlinked call from the same number, to a contact. */
  linkToContact(callId: string, contactId: string): Call {
    const call = this.get(callId);
    this.lifecycle.requireAlive('contacts', contactId, 'contact', 'contactId');
    const ids = new Set([callId, ...this.queries.unlinkedWithNumber(call.number)]);
    this.engine.transaction((tx) => {
      for (const id of ids) tx.write('calls', id, { contact_id: contactId });
    });
    return this.get(callId);
  }

  /**
   * Changes what the triage desk edits, field by field as it is typed. The first outcome a call gets
   * applies the office's SLA rules for it, as logging the call with that outcome would have.
   */
  update(id: string, patch: z.output<typeof CallPatchSchema>): Call {
    const call = this.get(id);
    if (patch.disposition !== undefined) this.requireKnownOutcome(patch.disposition);
    const fields: FieldValues = {};
    if (patch.disposition !== undefined && patch.disposition !== call.disposition) Object.assign(fields, outcomeFields(call, patch.disposition));
    if (patch.notes !== undefined && patch.notes !== call.notes) fields.notes = patch.notes;
    if (patch.valueEstimateMinor !== undefined && patch.valueEstimateMinor !== call.valueEstimateMinor) fields.value_estimate_minor = patch.valueEstimateMinor;
    if (patch.emergency !== undefined && patch.emergency !== call.emergency) fields.emergency = patch.emergency ? 1 : 0;
    if (patch.spam !== undefined && patch.spam !== call.spam) fields.spam = patch.spam ? 1 : 0;
    if (Object.keys(fields).length === 0) return call;
    this.engine.transaction((tx) => {
      tx.write('calls', id, fields);
      if (typeof fields.disposition === 'string') this.outcomeRules(tx, id, call.disposition, fields.disposition);
    });
    return this.get(id);
  }

  /**
   * The calls waiting at the triage desk: those without an outcome, then those whose promised
   * call-back is due. `urgency` puts emergencies first; `oldest` keeps arrival order throughout.
   */
  triageQueue(query: { order: 'oldest' | 'urgency'; limit: number }): TriageQueue {
    const urgency = query.order === 'urgency';
    const waiting = this.queries.triage.withoutOutcome(urgency, query.limit);
    const now = this.now();
    const callBacks = this.queries.triage.callBacksDue(now, query.limit);
    const rows = [...waiting, ...callBacks];
    if (urgency) rows.sort((a, b) => b.emergency - a.emergency);
    return {
      total: this.queries.triage.withoutOutcomeCount() + (callBacks.length < query.limit ? callBacks.length : this.queries.triage.callBacksDueCount(now)),
      items: this.withAfterHours(
        rows.slice(0, query.limit).map((row) => ({
          id: row.id,
          reason: row.reason,
          emergency: row.emergency === 1,
          emergencyKeyword: row.emergency_keyword,
          direction: row.direction,
          afterHours: false,
          startedAt: row.started_at,
          number: row.number,
          contactName: row.contact_name,
          callBack: rowToCallBack(row),
        })),
      ).map(({ direction: _direction, ...item }) => item),
    };
  }

  /** Of the call-backs due in the period, how many were made within their promise (sla-report.ts). */
  slaReport(period: { from: number; to: number }): SlaReport {
    return this.report(period, this.now());
  }

  private requireKnownOutcome(outcome: string): void {
    const outcomes = this.settings.get().callDispositions;
    if (!outcomes.includes(outcome) && outcome !== noAnswerOutcome) {
      throw new AppError('invalid_input', `Choose one of the call outcomes: ${outcomes.join(', ')}.`, 'disposition');
    }
  }

  delete(id: string): { id: string } {
    this.lifecycle.delete('calls', id, 'call');
    return { id };
  }

  restore(id: string): Call {
    this.lifecycle.restore('calls', id, 'call');
    return this.get(id);
  }
}
