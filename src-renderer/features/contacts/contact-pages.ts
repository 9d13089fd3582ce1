import type { ContactListItem, ContactListQuery } from '../../../src-shared/domain/contact';
import { api } from '../../api';
import type { ListFilters, ListSort } from '../../store';
import { endOfToday } from '../../ui/dates';
import { PagedRows, type PagedSnapshot } from '../../ui/paged-rows';

export const pageSize = 100;

export interface ListRequest {
  query: string;
  filters: ListFilters;
  sort: ListSort;
}

export type ListSnapshot = PagedSnapshot<ContactListItem>;

function toQuery(request: ListRequest, offset: number, limit: number): ContactListQuery {
  const { filters } = request;
  return {
    query: request.query,
    filters: {
      owner: filters.owner,
      ...(filters.contactType ? { contactType: filters.contactType } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.tag ? { tag: filters.tag } : {}),
      // Computed per request, not per render, so that a list left open past midnight stays right.
      ...(filters.followUpDue ? { followUpDueBy: endOfToday() } : {}),
    },
    sort: request.sort,
    offset,
    limit,
  };
}

/** The contact list's rows, fetched a page at a time as the user scrolls (see PagedRows). */
export class ContactPages extends PagedRows<ContactListItem, ListRequest> {
  constructor(onError: (error: unknown) => void) {
    super((request, offset, limit) => api.invoke('contacts.list', toQuery(request, offset, limit)), onError, pageSize);
  }
}
