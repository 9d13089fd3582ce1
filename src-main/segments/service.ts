import { v7 as uuidv7 } from 'uuid';
import type { ContactListItem, ContactSortField } from '../../src-shared/domain/contact';
import { maxStaticMembers, type SegmentDraftSchema, type Segment, type SegmentDefinition, type SegmentKind } from '../../src-shared/domain/segment';
import { AppError } from '../../src-shared/errors';
import type { z } from 'zod';
import { rowToListItem } from '../contacts/row-mapping';
import type { FieldValues } from '../writes/synced-tables';
import { WritingService, type WriteDeps } from '../writes/write-deps';
import { createSegmentMembers } from './members';
import { createSegmentQueries, rowToSegment, type SegmentRow } from './queries';

type Draft = z.output<typeof SegmentDraftSchema>;

/**
 * Saved segments and live counting. Every write goes through the mutation engine, field by
 * field, so a rename on one laptop and a new definition on another both survive; deleting is by
 * causal length, so undo is restore. A definition from another device is checked against the
 * change contract before it is applied (src-shared/sync/change-contract.ts) and set aside with
 * its reason when it is not one this version can read.
 */
export class SegmentsService extends WritingService {
  readonly queries;
  private readonly members;

  constructor(deps: WriteDeps) {
    super(deps);
    this.queries = createSegmentQueries(deps.sqlite);
    this.members = createSegmentMembers(deps.sqlite);
  }

  private toSegment(row: SegmentRow): Segment {
    return rowToSegment(row, row.kind === 'static' ? this.members.of(row.id).length : 0);
  }

  private userName(): string {
    return this.settings.get().userName;
  }

  list(): Segment[] {
    return this.queries.list(this.userName()).map((row) => this.toSegment(row));
  }

  get(id: string): Segment {
    const row = this.queries.get(id);
    if (!row || row.cl % 2 === 0) throw new AppError('not_found', 'That segment does not exist or was deleted.', 'id');
    return this.toSegment(row);
  }

  count(definition: SegmentDefinition): { count: number } {
    return { count: this.queries.count(definition, this.now()) };
  }

  preview(definition: SegmentDefinition, limit: number, sort: { field: ContactSortField; direction: 'asc' | 'desc' }): { count: number; items: ContactListItem[] } {
    const at = this.now();
    return { count: this.queries.count(definition, at), items: this.queries.page(definition, at, sort, 0, limit).map(rowToListItem) };
  }

  /** A saved segment's members now: a dynamic one's by its definition, a static one's as frozen (those still alive). */
  memberIds(id: string): { ids: string[] } {
    const segment = this.get(id);
    if (segment.kind === 'dynamic') return { ids: this.queries.ids(segment.definition, this.now()) };
    return { ids: this.members.of(id) };
  }

  /** Adds contacts to a static segment or takes them out, member by member (src-main/segments/members.ts). */
  changeMembers(id: string, change: { add: readonly string[]; remove: readonly string[] }): Segment {
    const segment = this.get(id);
    if (segment.kind !== 'static') {
      throw new AppError('invalid_input', `“${segment.name}” is a dynamic segment: its members follow its definition.`, 'id');
    }
    const alive = new Set(this.queries.alive([...change.add]));
    const missing = change.add.find((contactId) => !alive.has(contactId));
    if (missing !== undefined) throw new AppError('not_found', 'One of those contacts does not exist or was deleted.', 'add');
    const current = new Set(this.members.of(id));
    const added = change.add.filter((contactId) => !current.has(contactId));
    if (current.size + added.length > maxStaticMembers) {
      throw new AppError('invalid_input', `A static segment holds at most ${maxStaticMembers.toLocaleString('en-GB')} contacts.`, 'add');
    }
    this.engine.transaction((tx) => {
      this.members.write(tx, id, added, true);
      this.members.write(tx, id, change.remove.filter((contactId) => current.has(contactId)), false);
      if (added.length > 0 || change.remove.some((contactId) => current.has(contactId))) this.members.keepListForOlderLaptops(tx, id);
    });
    return this.get(id);
  }

  save(draft: Draft): Segment {
    const at = this.now();
    const existing = draft.id === undefined ? undefined : this.get(draft.id);
    const id = draft.id ?? uuidv7();
    const fields: FieldValues = {};
    const definition = JSON.stringify(draft.definition);
    if (!existing) Object.assign(fields, { owner: this.userName(), created_at: at, cl: 1 });
    if (existing?.name !== draft.name) fields.name = draft.name;
    if (existing?.shared !== draft.shared) fields.shared = draft.shared ? 1 : 0;
    const definitionChanged = existing === undefined || JSON.stringify(existing.definition) !== definition;
    if (definitionChanged) fields.definition = definition;
    if (existing?.kind !== draft.kind) fields.kind = draft.kind;
    // A static segment is frozen when it becomes static or its definition changes; renaming or
    // sharing it keeps its members. Only the members that differ are written.
    const frozen = draft.kind === 'static' && (definitionChanged || existing?.kind !== 'static') ? this.frozenMembers(draft.definition, at) : undefined;
    if (Object.keys(fields).length === 0 && frozen === undefined) return existing!;
    fields.updated_at = at;
    this.engine.transaction((tx) => {
      tx.write('segments', id, fields);
      if (frozen) {
        this.members.replace(tx, id, frozen);
        this.members.keepListForOlderLaptops(tx, id);
      }
    });
    return this.get(id);
  }

  freeze(input: { name: string; definition: SegmentDefinition; shared: boolean }): Segment {
    return this.save({ ...input, kind: 'static' satisfies SegmentKind });
  }

  delete(id: string): { id: string } {
    this.lifecycle.delete('segments', id, 'segment');
    return { id };
  }

  restore(id: string): Segment {
    this.lifecycle.restore('segments', id, 'segment');
    return this.get(id);
  }

  private frozenMembers(definition: SegmentDefinition, at: number): string[] {
    const ids = this.queries.ids(definition, at);
    if (ids.length > maxStaticMembers) {
      throw new AppError(
        'invalid_input',
        `A static segment holds at most ${maxStaticMembers.toLocaleString('en-GB')} contacts and this one matches ${ids.length.toLocaleString('en-GB')}: keep it dynamic.`,
        'kind',
      );
    }
    return ids;
  }
}
