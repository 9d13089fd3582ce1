import { useMemo } from 'react';
import type { ChannelOutput } from '../../../src-shared/ipc/contract';
import { api } from '../../api';
import { useUi } from '../../store';
import { contactsChanged } from '../../ui/live-events';
import { useLiveData } from '../../ui/use-live-data';
import { usePagedRows } from '../../ui/use-paged-rows';
import { deleteWithUndo } from '../../ui/undoable';
import { fetchContactPage, type ListRequest } from './contact-pages';

/** The list request built from the search box, filters and sort in the store. */
export function useListRequest(): ListRequest {
  const searchText = useUi((state) => state.searchText);
  const filters = useUi((state) => state.filters);
  const sort = useUi((state) => state.sort);
  // Asked at every keystroke, not once the typing pauses: the core answers a search in a few
  // milliseconds, a pause would cost more than the answer, and PagedRows drops answers that
  // arrive after a newer text's.
  const query = searchText.trim();
  return useMemo(() => ({ query, filters, sort }), [query, filters, sort]);
}

/** Paged rows for the contact grid, reloaded when the request or the contacts change. */
export function useContactRows(request: ListRequest) {
  return usePagedRows(fetchContactPage, request, { reloadOn: [contactsChanged()] });
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
