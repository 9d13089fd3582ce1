import { useEffect, useMemo } from 'react';
import type { ChannelOutput } from '../../../src-shared/ipc/contract';
import { api } from '../../api';
import { useUi } from '../../store';
import { contactsChanged } from '../../ui/live-events';
import { useLiveData } from '../../ui/use-live-data';
import { usePagedRows } from '../../ui/use-paged-rows';
import { deleteWithUndo } from '../../ui/undoable';
import { fetchContactPage, type ListRequest } from './contact-pages';

/** The list request of the search box, filters and sort in the store. */
function listRequestOf(state: Pick<ReturnType<typeof useUi.getState>, 'searchText' | 'filters' | 'sort'>): ListRequest {
  return { query: state.searchText.trim(), filters: state.filters, sort: state.sort };
}

/** The list request built from the search box, filters and sort in the store. */
export function useListRequest(): ListRequest {
  const searchText = useUi((state) => state.searchText);
  const filters = useUi((state) => state.filters);
  const sort = useUi((state) => state.sort);
  // Asked at every keystroke, not once the typing pauses: the core answers a search in a few
  // milliseconds, a pause would cost more than the answer, and PagedRows drops answers that
  // arrive after a newer text's.
  return useMemo(() => listRequestOf({ searchText, filters, sort }), [searchText, filters, sort]);
}

/**
 * Paged rows for the contact grid, reloaded when the request or the contacts change. A new search
 * text, filter or sort is asked for the moment the store changes (in the keystroke's own event),
 * not after the screen has re-rendered with it: that render took 6-80 ms under load before the
 * request left. The render's own request is then the same one, which PagedRows does not ask twice.
 */
export function useContactRows(request: ListRequest) {
  const paged = usePagedRows(fetchContactPage, request, { reloadOn: [contactsChanged()] });
  const { rows } = paged;
  useEffect(
    () =>
      useUi.subscribe((state, previous) => {
        if (state.searchText === previous.searchText && state.filters === previous.filters && state.sort === previous.sort) return;
        rows.setRequest(listRequestOf(state));
      }),
    [rows],
  );
  return paged;
}

/** One contact, kept current while other windows or devices change it. */
export function useContact(id: string) {
  return useLiveData(`contact:${id}`, () => api.invoke('contacts.get', { id }), { reloadOn: [contactsChanged(id)] });
}

export type Facets = ChannelOutput<'contacts.facets'>;

/** Tags, owners, types and statuses in use, for the filter menus and suggestions; null until known. */
export function useFacets(): Facets | null {
  // Facets only enrich menus; the list itself reports load failures.
  const facets = useLiveData('contact-facets', () => api.invoke('contacts.facets', {}), { reloadOn: [contactsChanged()], reportErrors: false });
  return facets.latest ?? null;
}

/** Deletes a contact and offers Undo, which restores it. */
export function deleteContactWithUndo(contact: { id: string; name: string }): Promise<boolean> {
  return deleteWithUndo('contacts', contact.id, { deleted: `Deleted ${contact.name}`, restored: `Restored ${contact.name}` });
}
