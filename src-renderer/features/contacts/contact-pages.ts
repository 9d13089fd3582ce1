import type { ContactListItem, ContactListQuery } from '../../../src-shared/domain/contact';
import { api } from '../../api';
import type { ListFilters, ListSort } from '../../store';
import { endOfToday } from '../../ui/dates';

export interface ListRequest {
  query: string;
  filters: ListFilters;
  sort: ListSort;
}

/** The list's filters as the core takes them; the export of "the contacts the list shows" sends the same. */
export function coreFilters(filters: ListFilters): NonNullable<ContactListQuery['filters']> {
  return {
    owner: filters.owner,
    ...(filters.contactType ? { contactType: filters.contactType } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(filters.segmentId ? { segmentId: filters.segmentId } : {}),
    // Computed per request, not per render, so that a list left open past midnight stays right.
    ...(filters.followUpDue ? { followUpDueBy: endOfToday() } : {}),
  };
}

export function listQuery(request: ListRequest, offset: number, limit: number): ContactListQuery {
  return { query: request.query, filters: coreFilters(request.filters), sort: request.sort, offset, limit };
}

/** A page of the contact list, for usePagedRows. */
export function fetchContactPage(request: ListRequest, offset: number, limit: number): Promise<{ total: number; items: ContactListItem[] }> {
  return api.invoke('contacts.list', listQuery(request, offset, limit));
}

/** Whether the list shows fewer than everyone: a search or any filter. */
export function isNarrowed(request: Pick<ListRequest, 'query' | 'filters'>): boolean {
  const { filters } = request;
  return request.query !== '' || !!filters.contactType || !!filters.status || !!filters.tag || filters.owner === 'mine' || filters.followUpDue || !!filters.segmentId;
}
