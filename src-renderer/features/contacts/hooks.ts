import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Contact } from '../../../src-shared/domain/contact';
import type { ChannelOutput } from '../../../src-shared/ipc/contract';
import { api, ApiError } from '../../api';
import { useUi } from '../../store';
import { ContactPages, type ListRequest } from './contact-pages';

/** `value`, once it has stopped changing for `delayMs`. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** The list request built from the search box, filters and sort in the store. */
export function useListRequest(): ListRequest {
  const searchText = useUi((state) => state.searchText);
  const filters = useUi((state) => state.filters);
  const sort = useUi((state) => state.sort);
  // Search as you type, but only ask the core once the typing pauses.
  const query = useDebouncedValue(searchText.trim(), 100);
  return useMemo(() => ({ query, filters, sort }), [query, filters, sort]);
}

/** Paged rows for the virtualised list, reloaded when the request or the data changes. */
export function useContactPages(request: ListRequest) {
  const showError = useUi((state) => state.showError);
  const [pages] = useState(() => new ContactPages(showError));
  const snapshot = useSyncExternalStore(pages.subscribe, pages.getSnapshot);
  useEffect(() => pages.setRequest(request), [pages, request]);
  useEffect(() => api.on('contacts.changed', () => pages.refresh()), [pages]);
  return { pages, snapshot };
}

type ContactState =
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; contact: Contact }
  | { status: 'missing'; id: string };

/** One contact, kept current while other windows or devices change it. */
export function useContact(id: string): ContactState {
  const showError = useUi((state) => state.showError);
  const [state, setState] = useState<ContactState>({ status: 'loading', id });
  useEffect(() => {
    let live = true;
    let latest = 0;
    const load = () => {
      const ticket = ++latest;
      api.invoke('contacts.get', { id }).then(
        (contact) => {
          if (live && ticket === latest) setState({ status: 'ready', id, contact });
        },
        (error: unknown) => {
          if (!live || ticket !== latest) return;
          if (error instanceof ApiError && error.code === 'not_found') setState({ status: 'missing', id });
          else showError(error);
        },
      );
    };
    load();
    const stop = api.on('contacts.changed', ({ ids }) => {
      if (ids.length === 0 || ids.includes(id)) load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [id, showError]);
  // Until the new id's answer arrives, never show the previous contact under the new route.
  return state.id === id ? state : { status: 'loading', id };
}

export type Facets = ChannelOutput<'contacts.facets'>;

/** Tags, owners, types and statuses in use, for the filter menus. */
export function useFacets(): Facets | null {
  const [facets, setFacets] = useState<Facets | null>(null);
  useEffect(() => {
    let live = true;
    let latest = 0;
    const load = () => {
      const ticket = ++latest;
      api.invoke('contacts.facets', {}).then(
        (answer) => {
          if (live && ticket === latest) setFacets(answer);
        },
        // Facets only enrich the filter menus; the list itself reports load failures.
        () => undefined,
      );
    };
    load();
    const stop = api.on('contacts.changed', load);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return facets;
}

/** Deletes a contact and offers Undo, which restores it (the core keeps deleted rows for that). */
export async function deleteWithUndo(contact: { id: string; name: string }): Promise<boolean> {
  const { showError, pushToast } = useUi.getState();
  try {
    await api.invoke('contacts.delete', { id: contact.id });
  } catch (error) {
    showError(error);
    return false;
  }
  pushToast({
    message: `Deleted ${contact.name}`,
    action: {
      label: 'Undo',
      run: () => {
        api.invoke('contacts.restore', { id: contact.id }).then(
          () => useUi.getState().pushToast({ message: `Restored ${contact.name}` }),
          (error: unknown) => useUi.getState().showError(error),
        );
      },
    },
  });
  return true;
}
