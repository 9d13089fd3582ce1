import { useCallback, useState } from 'react';
import { ColumnLayoutSchema, defaultColumnLayout, type ColumnLayout } from '../../src-shared/domain/saved-view';

const storageKey = (listId: string) => `fieldbook.columns.${listId}`;

/** The layout remembered for a list on this computer; the default when none is, or what is stored no longer reads. */
export function readColumnLayout(listId: string): ColumnLayout {
  try {
    const stored = window.localStorage.getItem(storageKey(listId));
    if (stored === null) return defaultColumnLayout;
    const parsed = ColumnLayoutSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : defaultColumnLayout;
  } catch {
    return defaultColumnLayout;
  }
}

/**
 * A list's column layout (VirtualGrid's `layout`), remembered on this computer between openings:
 * the layout is a preference of this screen, not data, so it stays out of sync (a saved view is
 * how a layout is shared).
 *   const [layout, setLayout] = useColumnLayout('contacts');
 */
export function useColumnLayout(listId: string): [ColumnLayout, (layout: ColumnLayout) => void] {
  const [layout, setLayoutState] = useState(() => readColumnLayout(listId));
  const setLayout = useCallback(
    (next: ColumnLayout) => {
      setLayoutState(next);
      try {
        window.localStorage.setItem(storageKey(listId), JSON.stringify(next));
      } catch {
        // A full or refused storage only costs remembering the layout next time.
      }
    },
    [listId],
  );
  return [layout, setLayout];
}
