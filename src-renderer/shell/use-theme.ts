import { useEffect } from 'react';
import type { Theme } from '../../src-shared/domain/settings';

/**
 * Applies the theme setting: `data-theme` on <html> picks light or dark in ui/tokens.css; without
 * it the system's prefers-color-scheme decides.
 */
export function useTheme(theme: Theme | undefined): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
    else delete root.dataset.theme;
  }, [theme]);
}
