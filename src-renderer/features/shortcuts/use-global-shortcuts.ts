import { useEffect, useState } from 'react';
import { useUi } from '../../store';
import { undoLatest } from '../../ui/undo-stack';
import { matches } from './shortcuts';

/**
 * The shortcuts that work on every screen: the command palette, undo, and the shortcut sheet.
 * Answers whether the sheet is open and how to close it.
 */
export function useGlobalShortcuts(): { sheetOpen: boolean; closeSheet: () => void } {
  const [sheetOpen, setSheetOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (matches('palette', event)) {
        event.preventDefault();
        useUi.getState().setPaletteOpen(!useUi.getState().paletteOpen);
      } else if (matches('undo', event)) {
        event.preventDefault();
        void undoLatest();
      } else if (matches('sheet', event) && !document.querySelector('dialog[open]')) {
        event.preventDefault();
        setSheetOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return { sheetOpen, closeSheet: () => setSheetOpen(false) };
}
