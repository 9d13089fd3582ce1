import { z } from 'zod';
import { contactSortFields, contactStatuses } from '../../../src-shared/domain/contact';
import { defaultColumnLayout, type ColumnLayout, type ViewState } from '../../../src-shared/domain/saved-view';
import type { ListFilters, ListSort } from '../../store';
import { readViewSort } from '../views/view-state';

// The contacts list as a saved view's state and back (features/views/ViewsPanel.tsx). The search
// text is not part of a view: a view is the filters, sort and columns.

const ContactViewFiltersSchema = z.object({
  contactType: z.string().max(100).optional().catch(undefined),
  status: z.enum(contactStatuses).optional().catch(undefined),
  tag: z.string().max(200).optional().catch(undefined),
  owner: z.enum(['team', 'mine']).catch('team'),
  followUpDue: z.boolean().catch(false),
  segmentId: z.string().max(64).optional().catch(undefined),
});

export const plainContactSort: ListSort = { field: 'name', direction: 'asc' };
export const plainContactFilters: ListFilters = { owner: 'team', followUpDue: false };

export function contactViewState(filters: ListFilters, sort: ListSort, columns: ColumnLayout): ViewState {
  return { filters: { ...filters }, sort, columns };
}

export const plainContactView: ViewState = contactViewState(plainContactFilters, plainContactSort, defaultColumnLayout);

/** A view's filters and sort as the contacts list reads them; what it cannot read falls back to the plain list's. */
export function contactListOfView(state: ViewState): { filters: ListFilters; sort: ListSort } {
  const parsed = ContactViewFiltersSchema.safeParse(state.filters);
  let filters = plainContactFilters;
  if (parsed.success) {
    const { contactType, status, tag, owner, followUpDue, segmentId } = parsed.data;
    filters = { owner, followUpDue, ...(contactType ? { contactType } : {}), ...(status ? { status } : {}), ...(tag ? { tag } : {}), ...(segmentId ? { segmentId } : {}) };
  }
  return { filters, sort: readViewSort(state, contactSortFields, plainContactSort) };
}
