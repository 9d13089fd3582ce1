import { activityTables, type EventName, type EventPayload } from '../../src-shared/ipc/events';
import { contactIdOfTagRow } from '../contacts/search-index';
import type { Sqlite } from '../db/open';
import type { MutationEngine, TouchedRows } from '../writes/mutation-engine';
import { createOwnerLookups } from './queries';
import { segmentIdOfMemberRow } from '../segments/members';

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * After each committed transaction, local or from sync, tells the renderer what to refresh:
 * the contacts written (or whose tags, notes, follow-ups, calls or files were), and the
 * pipelines whose stages or deals were.
 */
export function forwardChangeEvents({ engine, sqlite, emit }: { engine: MutationEngine; sqlite: Sqlite; emit: Emit }): void {
  const owners = createOwnerLookups(sqlite);
  engine.onCommitted((touched) => {
    const ids = new Set<string>(touched.get('contacts') ?? []);
    for (const tagRowId of touched.get('contact_tags') ?? []) ids.add(contactIdOfTagRow(tagRowId));
    const activity = contactsOfActivity(owners, touched);
    // A follow-up moves its contact's next follow-up date, which the list shows.
    for (const id of activity.followUpContactIds) ids.add(id);
    if (ids.size > 0) emit('contacts.changed', { ids: [...ids] });
    if (activity.tables.length > 0) emit('activity.changed', { contactIds: activity.contactIds, tables: activity.tables });
    if (touched.has('companies')) emit('companies.changed', { ids: [...touched.get('companies')!] });
    // A member added or taken out changes its segment's count.
    const segmentIds = new Set([...(touched.get('segments') ?? []), ...[...(touched.get('segment_members') ?? [])].map(segmentIdOfMemberRow)]);
    if (segmentIds.size > 0) emit('segments.changed', { ids: [...segmentIds] });
    if (touched.has('saved_views')) emit('views.changed', { ids: [...touched.get('saved_views')!] });
    if (touched.has('pipelines') || touched.has('stages') || touched.has('deals')) {
      emit('pipelines.changed', { pipelineIds: pipelinesTouched(owners, touched) });
    }
  });
}

type OwnerLookups = ReturnType<typeof createOwnerLookups>;

/** The contacts whose notes, follow-ups, calls or files were written, for the renderer to refresh. */
function contactsOfActivity(owners: OwnerLookups, touched: TouchedRows) {
  const contactIds = new Set<string>();
  const followUpContactIds = new Set<string>();
  const tables: string[] = [];
  for (const table of activityTables) {
    const ids = touched.get(table);
    if (!ids) continue;
    tables.push(table);
    for (const id of ids) {
      const contactId = owners.contactOf(table, id);
      if (!contactId) continue;
      contactIds.add(contactId);
      if (table === 'follow_ups') followUpContactIds.add(contactId);
    }
  }
  // A call's tags are part of the call on screen: the calls list and the drawer reload as for the call.
  if (touched.has('call_tags') && !tables.includes('calls')) tables.push('calls');
  return { contactIds: [...contactIds], followUpContactIds, tables };
}

/** The pipelines whose stages or deals were written. */
function pipelinesTouched(owners: OwnerLookups, touched: TouchedRows): string[] {
  const ids = new Set<string>(touched.get('pipelines') ?? []);
  for (const table of ['stages', 'deals'] as const) {
    for (const id of touched.get(table) ?? []) {
      const pipelineId = owners.pipelineOf(table, id);
      if (pipelineId) ids.add(pipelineId);
    }
  }
  return [...ids];
}
