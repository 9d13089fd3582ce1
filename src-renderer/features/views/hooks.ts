import { useCallback, useState } from 'react';
import type { ViewListId } from '../../../src-shared/domain/saved-view';
import { api } from '../../api';
import { onEvent } from '../../ui/live-events';
import { useLiveData } from '../../ui/use-live-data';

/** The saved views of one list this member sees, refreshed when any view changes here or from sync. */
export function useSavedViews(listId: ViewListId) {
  return useLiveData(`views:${listId}`, () => api.invoke('views.list', { listId }), { reloadOn: [onEvent('views.changed')] });
}

const chosenKey = (listId: ViewListId) => `fieldbook.view.${listId}`;

/** Which saved view a list shows, remembered on this computer between openings; null for the list's plain state. */
export function useChosenView(listId: ViewListId): [string | null, (id: string | null) => void] {
  const [chosen, setChosenState] = useState<string | null>(() => {
    try {
      return window.localStorage.getItem(chosenKey(listId));
    } catch {
      return null;
    }
  });
  const setChosen = useCallback(
    (id: string | null) => {
      setChosenState(id);
      try {
        if (id === null) window.localStorage.removeItem(chosenKey(listId));
        else window.localStorage.setItem(chosenKey(listId), id);
      } catch {
        // Only costs remembering the choice next time.
      }
    },
    [listId],
  );
  return [chosen, setChosen];
}
