import { v7 as uuidv7 } from 'uuid';
import type { ContactListItem, ContactSortField } from '../../src-shared/domain/contact';
import { maxStaticMembers, type SegmentDraftSchema, type Segment, type SegmentDefinition, type SegmentKind } from '../../src-shared/domain/segment';
import { AppError } from '../../src-shared/errors';
import type { z } from 'zod';
import { rowToListItem } from '../contacts/row-mapping';
import type { FieldValues } from '../writes/synced-tables';
import { WritingService, type WriteDeps } from '../writes/write-deps';
import { createSegmentQueries, rowToSegment } from './queries';

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

  constructor(deps: WriteDeps) {
    super(deps);
    this.queries = createSegmentQueries(deps.sqlite);
  }

  private userName(): string {
    return this.settings.get().userName;
  }

  list(): Segment[] {
    return this.queries.list(this.userName()).map(rowToSegment);
  }

  get(id: string): Segment {
    const row = this.queries.get(id);
    if (!row || row.cl % 2 === 0) throw new AppError('not_found', 'That segment does not exist or was deleted.', 'id');
    return rowToSegment(row);
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
    return { ids: this.queries.liveOf(JSON.parse(this.queries.get(id)!.member_ids) as string[]) };
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
    // sharing it keeps its members.
    if (draft.kind === 'static' && (definitionChanged || existing?.kind !== 'static')) fields.member_ids = this.frozenMembers(draft.definition, at);
    if (draft.kind === 'dynamic' && existing?.kind === 'static') fields.member_ids = '[]';
    if (Object.keys(fields).length === 0) return existing!;
    fields.updated_at = at;
    this.engine.transaction((tx) => tx.write('segments', id, fields));
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

  private frozenMembers(definition: SegmentDefinition, at: number): string {
    const ids = this.queries.ids(definition, at);
    if (ids.length > maxStaticMembers) {
      throw new AppError(
        'invalid_input',
        `A static segment holds at most ${maxStaticMembers.toLocaleString('en-GB')} contacts and this one matches ${ids.length.toLocaleString('en-GB')}: keep it dynamic.`,
        'kind',
      );
    }
    return JSON.stringify(ids);
  }
}
