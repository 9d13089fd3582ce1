import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { canonicalJson, type SavedView, type SavedViewDraftSchema, type ViewListId } from '../../src-shared/domain/saved-view';
import { AppError } from '../../src-shared/errors';
import type { FieldValues } from '../writes/synced-tables';
import { WritingService, type WriteDeps } from '../writes/write-deps';
import { createViewQueries, rowToSavedView } from './queries';

type Draft = z.output<typeof SavedViewDraftSchema>;

/**
 * Saved views of the lists. Every write goes through the mutation engine field by field, so a
 * rename on one laptop and new columns on another both survive; deleting is by causal length, so
 * undo is restore. A view from another device is checked against the change contract before it
 * is applied (src-shared/sync/change-contract.ts) and set aside with its reason when it is not
 * one this version can read. A personal view syncs like every row but is listed only for its owner.
 */
export class ViewsService extends WritingService {
  private readonly queries;

  constructor(deps: WriteDeps) {
    super(deps);
    this.queries = createViewQueries(deps.sqlite);
  }

  private member(): string {
    return this.settings.get().userName;
  }

  list(listId: ViewListId): SavedView[] {
    return this.queries.list(listId, this.member()).map(rowToSavedView);
  }

  get(id: string): SavedView {
    const row = this.queries.get(id);
    if (!row || row.cl % 2 === 0) throw new AppError('not_found', 'That view does not exist or was deleted.', 'id');
    return rowToSavedView(row);
  }

  save(draft: Draft): SavedView {
    const at = this.now();
    const existing = draft.id === undefined ? undefined : this.get(draft.id);
    if (existing && existing.listId !== draft.listId) {
      throw new AppError('invalid_input', `That view belongs to the ${existing.listId} list, not the ${draft.listId} one.`, 'listId');
    }
    const id = existing?.id ?? uuidv7();
    const fields: FieldValues = {};
    if (!existing) Object.assign(fields, { owner: this.member(), list_id: draft.listId, created_at: at, cl: 1 });
    if (existing?.name !== draft.name) fields.name = draft.name;
    if (existing?.shared !== draft.shared) fields.shared = draft.shared ? 1 : 0;
    const state = canonicalJson(draft.state);
    if (existing === undefined || canonicalJson(existing.state) !== state) fields.state = state;
    if (existing && Object.keys(fields).length === 0) return existing;
    fields.updated_at = at;
    this.engine.transaction((tx) => tx.write('saved_views', id, fields));
    return this.get(id);
  }

  rename(id: string, name: string): SavedView {
    const existing = this.get(id);
    if (existing.name === name) return existing;
    this.engine.transaction((tx) => tx.write('saved_views', id, { name, updated_at: this.now() }));
    return this.get(id);
  }

  delete(id: string): { id: string } {
    this.lifecycle.delete('saved_views', id, 'view');
    return { id };
  }

  restore(id: string): SavedView {
    this.lifecycle.restore('saved_views', id, 'view');
    return this.get(id);
  }
}
