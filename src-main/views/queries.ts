import { SavedViewSchema, ViewStateSchema, defaultColumnLayout, viewListIds, type SavedView, type ViewListId, type ViewState } from '../../src-shared/domain/saved-view';
import type { Sqlite } from '../db/open';
import type { SqlRow } from '../db/rows';
import type { savedViews } from '../db/schema';

export type SavedViewRow = SqlRow<typeof savedViews>;

const emptyState: ViewState = { filters: {}, sort: null, columns: defaultColumnLayout };

/**
 * A stored row as the domain object. A state that no longer reads (written by a newer version
 * and let through, or damaged) reads as the list's plain state rather than failing the list.
 */
export function rowToSavedView(row: SavedViewRow): SavedView {
  let state = emptyState;
  try {
    const parsed = ViewStateSchema.safeParse(JSON.parse(row.state));
    if (parsed.success) state = parsed.data;
  } catch {
    // Not JSON: the plain state.
  }
  return SavedViewSchema.parse({
    id: row.id,
    name: row.name,
    listId: (viewListIds as readonly string[]).includes(row.list_id) ? row.list_id : 'contacts',
    state,
    shared: row.shared === 1,
    owner: row.owner,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

export function createViewQueries(sqlite: Sqlite) {
  const list = sqlite.prepare<[string, string], SavedViewRow>(
    'SELECT * FROM saved_views WHERE cl % 2 = 1 AND list_id = ? AND (shared = 1 OR owner = ?) ORDER BY name COLLATE NOCASE, id',
  );
  const get = sqlite.prepare<[string], SavedViewRow>('SELECT * FROM saved_views WHERE id = ?');
  return {
    /** A list's live views that `owner` sees: every shared one, and their own personal ones. */
    list: (listId: ViewListId, owner: string): SavedViewRow[] => list.all(listId, owner),
    get: (id: string): SavedViewRow | undefined => get.get(id),
  };
}
