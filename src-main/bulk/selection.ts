import type { BulkTarget } from '../../src-shared/domain/bulk';
import { AppError } from '../../src-shared/errors';
import { createCallQueries } from '../calls/queries';
import { contactSortSql, contactWhere, segmentFilter } from '../contacts/queries';
import type { Sqlite } from '../db/open';
import { createFollowUpQueries } from '../followups/queries';
import { createJobQueries } from '../jobs/queries';
import { createPipelineQueries } from '../pipeline/queries';

/** Enough for any list: "all matching" asks the list's own query for every row at once. */
const everyRow = Number.MAX_SAFE_INTEGER;

/**
 * The ids a bulk action acts on, in the list's order. "All matching" runs the list's own query
 * (the contacts list's `contactWhere`, the other lists' own page query), so it means exactly the
 * rows the list shows, loaded or not; the exceptions are taken out after.
 */
export function createSelectionResolver(sqlite: Sqlite, userName: () => string, now: () => number) {
  const calls = createCallQueries(sqlite);
  const jobs = createJobQueries(sqlite);
  const followUps = createFollowUpQueries(sqlite);
  const pipelines = createPipelineQueries(sqlite);

  function matching(request: BulkTarget): string[] {
    switch (request.list) {
      case 'contacts': {
        const query = { ...request.request, filters: { ...request.request.filters } };
        const where = contactWhere(query, userName(), {}, segmentFilter(sqlite, query.filters, now()));
        const direction = query.sort.direction === 'desc' ? 'DESC' : 'ASC';
        return sqlite
          .prepare(`SELECT c.id FROM contacts c WHERE ${where.sql} ORDER BY ${contactSortSql[query.sort.field](direction)}`)
          .pluck()
          .all(...where.params) as string[];
      }
      case 'calls':
        return calls.list({ ...request.request, offset: 0, limit: everyRow }).rows.map((row) => row.id);
      case 'jobs':
        return jobs.list({ ...request.request, offset: 0, limit: everyRow }).rows.map((row) => row.id);
      case 'deals':
        return pipelines.dealPage({ ...request.request, offset: 0, limit: everyRow }).rows.map((row) => row.id);
      case 'followups': {
        const { scope, contactId, sort, ...query } = request.request;
        return followUps
          .list({
            ...query,
            ...(scope === 'mine' ? { assignee: userName() } : {}),
            ...(contactId ? { contactId } : {}),
            ...(sort ? { sort } : {}),
            now: now(),
            offset: 0,
            limit: everyRow,
          })
          .rows.map((row) => row.id);
      }
    }
  }

  return {
    resolve(request: BulkTarget): string[] {
      const { selection } = request;
      let ids: string[];
      if (selection.mode === 'ids') ids = [...new Set(selection.ids)];
      else {
        const except = new Set(selection.except);
        ids = matching(request).filter((id) => !except.has(id));
      }
      if (ids.length === 0) throw new AppError('invalid_input', 'No rows are selected, so nothing was changed.', 'selection');
      return ids;
    },
  };
}
