// Kept apart from TeamSyncPanel.tsx so that the sidebar and the first-run checklist, drawn with the
// first screen, can point at the panel without loading it (and the workspace forms with it).

/** The id of the Team sync panel's section in Settings (TeamSyncPanel.tsx). */
export const teamSyncPanelId = 'team-sync';

/**
 * Brings the panel into view once the Settings screen has rendered it: the sidebar indicator's
 * "Details" link navigates to Settings, where the panel sits below the settings form.
 */
export function showTeamSyncPanel(triesLeft = 20): void {
  // A timer rather than requestAnimationFrame, which does not run in a window that is not shown.
  window.setTimeout(() => {
    const heading = document.getElementById(teamSyncPanelId)?.querySelector<HTMLElement>('h2');
    if (heading) {
      heading.focus({ preventScroll: true });
      heading.scrollIntoView({ block: 'start' });
    } else if (triesLeft > 0) {
      showTeamSyncPanel(triesLeft - 1);
    }
  }, 16);
}
