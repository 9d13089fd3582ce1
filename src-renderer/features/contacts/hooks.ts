import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/ipc/contract';
import { api } from '../../api';
import { useUi } from '../../store';
import { contactsChanged } from '../../ui/live-events';
import { useLiveData } from '../../ui/use-live-data';
import { usePagedRows } from '../../ui/use-paged-rows';
import { deleteWithUndo } from '../../ui/undoable';
import { contactPageSize, fetchContactPage, listRequestOf } from './contact-pages';

/**
 * Paged rows for the contact grid, reloaded when the search text, filters, sort or the contacts
 * change. The request leaves from the store's subscription, in the keystroke's own event, and no
 * component here reads the search text: a keystroke re-renders only the search box (and the
 * grid's frame, which turns busy), and the screen re-renders when the answer lands. `request` is
 * the one the rows shown answer (the store's until the first answer): what the screen says it
 * shows and what "select all matching" selects.
 */
export function useContactRows() {
  const [initial] = useState(() => listRequestOf(useUi.getState()));
  const paged = usePagedRows(fetchContactPage, initial, { reloadOn: [contactsChanged()], pageSize: contactPageSize });
  const { rows } = paged;
  useEffect(() => {
    // What changed between the first render and this subscription.
    rows.setRequest(listRequestOf(useUi.getState()));
    return useUi.subscribe((state, previous) => {
      if (state.searchText === previous.searchText && state.filters === previous.filters && state.sort === previous.sort) return;
      rows.setRequest(listRequestOf(state));
    });
  }, [rows]);
  return { ...paged, request: paged.snapshot.request ?? initial };
}

/** One contact, kept current while other windows or devices change it. */
export function useContact(id: string) {
  return useLiveData(`contact:${id}`, () => api.invoke('contacts.get', { id }), { reloadOn: [contactsChanged(id)] });
}

export type Facets = ChannelOutput<'contacts.facets'>;

/**
 * Tags, owners, types and statuses in use, for the filter menus and suggestions; null until known,
 * and not asked for while `wanted` is false.
 */
export function useFacets(wanted = true): Facets | null {
  // Facets only enrich menus; the list itself reports load failures.
  const facets = useLiveData(wanted ? 'contact-facets' : null, () => api.invoke('contacts.facets', {}), { reloadOn: [contactsChanged()], reportErrors: false });
  return facets.latest ?? null;
}

/**
 * Turns true once `shown` has been true for a frame: after the frame that draws what it stands
 * for, or after a moment where no frames run (a window not shown), and stays true.
 */
export function useShownOnce(shown: boolean): boolean {
  const [afterFrame, setAfterFrame] = useState(false);
  useEffect(() => {
    if (!shown || afterFrame) return;
    const done = () => setAfterFrame(true);
    let next: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (next = setTimeout(done)));
    const fallback = setTimeout(done, 100);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(next);
      clearTimeout(fallback);
    };
  }, [shown, afterFrame]);
  return afterFrame;
}

/** Deletes a contact and offers Undo, which restores it. */
export function deleteContactWithUndo(contact: { id: string; name: string }): Promise<boolean> {
  return deleteWithUndo('contacts', contact.id, { deleted: `Deleted ${contact.name}`, restored: `Restored ${contact.name}` });
}
