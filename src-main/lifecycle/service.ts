import { v7 as uuidv7 } from 'uuid';
import {
  lifecycleStageLabels,
  lifecycleStages,
  type ContactLifecycle,
  type ConversionFigures,
  type ConversionRow,
  type LifecycleEvent,
  type LifecycleStage,
} from '../../src-shared/domain/lifecycle';
import { lifecycleOf } from '../../src-shared/domain/score';
import type { TimelineItem } from '../../src-shared/domain/timeline';
import { AppError } from '../../src-shared/errors';
import { WritingService, type WriteDeps } from '../writes/write-deps';
import { createLifecycleQueries, type ConversionRow as Row, type LifecycleEventRow } from './queries';

const dayMs = 86_400_000;

function asStage(value: string | null): LifecycleStage | null {
  return value !== null && (lifecycleStages as readonly string[]).includes(value) ? (value as LifecycleStage) : null;
}

function toEvent(row: LifecycleEventRow): LifecycleEvent {
  return { id: row.id, contactId: row.contact_id, stage: asStage(row.stage) ?? 'lead', previousStage: asStage(row.previous_stage), at: row.at, by: row.by };
}

/** The stage a contact's type or status implies before anyone set one. */
function impliedStage(status: string, contactType: string): LifecycleStage | null {
  const lifecycle = lifecycleOf(status, contactType);
  if (lifecycle === 'lead') return 'lead';
  if (lifecycle === 'customer') return 'customer';
  return null;
}

/** Leads, conversions, rate and mean days of a group of rows. */
export function summariseConversions(key: string, rows: readonly Row[]): ConversionRow {
  const converted = rows.filter((row) => row.customer_at !== null);
  const days = converted.map((row) => (row.customer_at! - row.lead_at) / dayMs);
  return {
    key,
    leads: rows.length,
    converted: converted.length,
    rate: rows.length === 0 ? null : converted.length / rows.length,
    averageDays: days.length === 0 ? null : days.reduce((sum, value) => sum + value, 0) / days.length,
  };
}

function groupedBy(rows: readonly Row[], keyOf: (row: Row) => string): ConversionRow[] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return [...groups].map(([key, group]) => summariseConversions(key, group)).sort((a, b) => b.leads - a.leads || a.key.localeCompare(b.key));
}

/**
 * Lifecycle stages: a person moves a contact along (lead, qualified, customer, former customer);
 * each move is a synced row with when and by whom, so every laptop shows the same history and
 * the conversion figures count the same.
 */
export class LifecycleService extends WritingService {
  private readonly queries;

  constructor(deps: WriteDeps) {
    super(deps);
    this.queries = createLifecycleQueries(deps.sqlite);
  }

  get(contactId: string): ContactLifecycle {
    const contact = this.queries.contact(contactId);
    if (!contact) throw new AppError('not_found', 'That contact does not exist or was deleted.', 'contactId');
    const history = this.queries.history(contactId).map(toEvent);
    if (history.length > 0) return { stage: history[0]!.stage, implied: false, history };
    return { stage: impliedStage(contact.status, contact.contact_type), implied: true, history };
  }

  /**
   * Moves the contact to `stage`. The first move of a contact that was a lead by its type also
   * records that start (on the day it was added), so "how long from lead to customer" counts from
   * there.
   */
  set(contactId: string, stage: LifecycleStage): ContactLifecycle {
    const current = this.get(contactId);
    if (current.stage === stage && !current.implied) return current;
    const contact = this.queries.contact(contactId)!;
    const by = this.settings.get().userName;
    const now = this.now();
    this.engine.transaction((tx) => {
      let previous = current.stage;
      if (current.implied && current.stage === 'lead' && stage !== 'lead') {
        tx.write('lifecycle_events', uuidv7(), { contact_id: contactId, stage: 'lead', previous_stage: null, at: Math.min(contact.created_at, now), by: '', cl: 1 });
      } else if (current.implied) {
        previous = null;
      }
      tx.write('lifecycle_events', uuidv7(), { contact_id: contactId, stage, previous_stage: previous, at: now, by, cl: 1 });
    });
    return this.get(contactId);
  }

  conversion(from: number, to: number): ConversionFigures {
    const rows = this.queries.conversion(from, to);
    return {
      from,
      to,
      total: summariseConversions('', rows),
      bySource: groupedBy(rows, (row) => row.source),
      byOwner: groupedBy(rows, (row) => row.owner),
    };
  }

  /** Each stage set, on the contact's timeline. */
  timelineItems(contactId: string): TimelineItem[] {
    return this.queries.history(contactId).map((row) => {
      const event = toEvent(row);
      const to = lifecycleStageLabels[event.stage];
      return {
        key: `lifecycle:${event.id}`,
        kind: 'change',
        at: event.at,
        actor: event.by,
        title: event.previousStage ? `Stage: ${lifecycleStageLabels[event.previousStage]} → ${to}` : `Stage: ${to}`,
        detail: event.by ? '' : 'From the contact type',
        refId: event.id,
      };
    });
  }
}
