import type { ReactNode } from 'react';
import { routeHash, type Route } from '../routes';
import { useUi } from '../store';
import { Icon, type IconName } from '../ui/Icon';

const items: { label: string; icon: IconName; route: Route; matches: Route['name'][] }[] = [
  { label: 'Dashboard', icon: 'home', route: { name: 'dashboard' }, matches: ['dashboard'] },
  { label: 'Contacts', icon: 'contacts', route: { name: 'contacts' }, matches: ['contacts', 'contact', 'contactNew', 'contactEdit'] },
  { label: 'Pipeline', icon: 'pipeline', route: { name: 'pipeline' }, matches: ['pipeline'] },
  { label: 'Follow-ups', icon: 'bell', route: { name: 'followUps' }, matches: ['followUps'] },
  { label: 'Calls', icon: 'phone', route: { name: 'calls' }, matches: ['calls'] },
  { label: 'Phone', icon: 'phone', route: { name: 'phone' }, matches: ['phone'] },
  { label: 'Import & export', icon: 'layers', route: { name: 'exchange' }, matches: ['exchange'] },
  { label: 'Settings', icon: 'settings', route: { name: 'settings' }, matches: ['settings', 'phoneSettings', 'mailSettings'] },
];

interface SidebarProps {
  /** Shown after an item's label (the follow-ups count), by route name; part of the link's name. */
  badges?: Partial<Record<Route['name'], ReactNode>>;
  /** Between the navigation and the footer: the team sync status. */
  status?: ReactNode;
}

/** The app's navigation, search button, sync status and who is signed in. */
export function Sidebar({ badges = {}, status }: SidebarProps) {
  const route = useUi((state) => state.route);
  const navigate = useUi((state) => state.navigate);
  const setPaletteOpen = useUi((state) => state.setPaletteOpen);
  const userName = useUi((state) => state.settings?.userName);
  const version = useUi((state) => state.appInfo?.version);

  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          F
        </span>
        <span className="sidebar__name">Fieldbook</span>
      </div>
      <button type="button" className="sidebar__search" aria-keyshortcuts="Control+K Meta+K" onClick={() => setPaletteOpen(true)}>
        <Icon name="search" size={16} />
        <span>Search</span>
        <kbd aria-hidden="true">{/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘K' : 'Ctrl K'}</kbd>
      </button>
      <nav aria-label="Main" className="sidebar__nav">
        {items.map((item) => (
          <a
            key={item.label}
            href={routeHash(item.route)}
            className="sidebar__link"
            aria-current={item.matches.includes(route.name) ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              navigate(item.route);
            }}
          >
            <Icon name={item.icon} />
            <span>{item.label}</span>
            {badges[item.route.name] ?? null}
          </a>
        ))}
      </nav>
      {status}
      <div className="sidebar__footer">
        {userName ? (
          <p className="sidebar__user">{userName}</p>
        ) : (
          <a
            href="#/settings/name"
            className="sidebar__set-name"
            onClick={(event) => {
              event.preventDefault();
              navigate({ name: 'settings', focus: 'userName' });
            }}
          >
            Set your name
          </a>
        )}
        {version ? <p className="sidebar__version">Version {version}</p> : null}
      </div>
    </aside>
  );
}
