import type { Call, CallDirection, CallListQuery } from '../../../src-shared/domain/call';
import { api } from '../../api';
import { fromDateAndTime } from '../../ui/dates';
import { PagedRows } from '../../ui/paged-rows';

export type CallSortField = 'startedAt' | 'durationSeconds' | 'disposition';

export interface CallFilters {
  /** yyyy-mm-dd, inclusive, in local time; '' for open-ended. */
  from: string;
  to: string;
  direction: CallDirection | '';
  disposition: string;
  contact: { id: string; name: string } | null;
  unansweredOnly: boolean;
}

export interface CallRequest {
  filters: CallFilters;
  sort: { field: CallSortField; direction: 'asc' | 'desc' };
}

export const noCallFilters: CallFilters = { from: '', to: '', direction: '', disposition: '', contact: null, unansweredOnly: false };

function toQuery({ filters, sort }: CallRequest, offset: number, limit: number): CallListQuery {
  const from = filters.from ? fromDateAndTime(filters.from, '00:00') : null;
  const to = filters.to ? fromDateAndTime(filters.to, '00:00') : null;
  return {
    ...(from !== null ? { from } : {}),
    // The last day counts whole: up to the start of the next one.
    ...(to !== null ? { to: new Date(to).setDate(new Date(to).getDate() + 1) - 1 } : {}),
    ...(filters.direction ? { direction: filters.direction } : {}),
    ...(filters.disposition ? { disposition: filters.disposition } : {}),
    ...(filters.contact ? { contactId: filters.contact.id } : {}),
    unansweredOnly: filters.unansweredOnly,
    sort,
    offset,
    limit,
  };
}

/** The call history's rows, a page at a time; the core pages and counts, so a million calls scroll like ten. */
export class CallPages extends PagedRows<Call, CallRequest> {
  constructor(onError: (error: unknown) => void) {
    super((request, offset, limit) => api.invoke('calls.list', toQuery(request, offset, limit)), onError, 100);
  }
}
