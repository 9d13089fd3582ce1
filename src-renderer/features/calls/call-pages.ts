import type { Call, CallDirection, CallListQuery } from '../../../src-shared/domain/call';
import { api } from '../../api';
import { fromDateAndTime } from '../../ui/dates';

export type CallSortField = 'startedAt' | 'durationSeconds' | 'disposition';

export interface CallFilters {
  /** yyyy-mm-dd, inclusive, in local time; '' for open-ended. */
  from: string;
  to: string;
  direction: CallDirection | '';
  disposition: string;
  contact: { id: string; name: string } | null;
  unansweredOnly: boolean;
  /** Calls with this tag; '' for any. */
  tag: string;
}

export interface CallRequest {
  filters: CallFilters;
  sort: { field: CallSortField; direction: 'asc' | 'desc' };
}

export const noCallFilters: CallFilters = { from: '', to: '', direction: '', disposition: '', contact: null, unansweredOnly: false, tag: '' };

export function toQuery({ filters, sort }: CallRequest, offset: number, limit: number): CallListQuery {
  const from = filters.from ? fromDateAndTime(filters.from, '00:00') : null;
  const to = filters.to ? fromDateAndTime(filters.to, '00:00') : null;
  return {
    ...(from !== null ? { from } : {}),
    // The last day counts whole: up to the start of the next one.
    ...(to !== null ? { to: new Date(to).setDate(new Date(to).getDate() + 1) - 1 } : {}),
    ...(filters.direction ? { direction: filters.direction } : {}),
    ...(filters.disposition ? { disposition: filters.disposition } : {}),
    ...(filters.contact ? { contactId: filters.contact.id } : {}),
    ...(filters.tag ? { tag: filters.tag } : {}),
    unansweredOnly: filters.unansweredOnly,
    sort,
    offset,
    limit,
  };
}

/** A page of the call history, for usePagedRows: the core pages and counts, so a million calls scroll like ten. */
export function fetchCallPage(request: CallRequest, offset: number, limit: number): Promise<{ total: number; items: Call[] }> {
  return api.invoke('calls.list', toQuery(request, offset, limit));
}

export function isFiltered(filters: CallFilters): boolean {
  return JSON.stringify(filters) !== JSON.stringify(noCallFilters);
}
