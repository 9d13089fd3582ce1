import { useState, type ReactNode } from 'react';
import { routeHash, type Route } from '../routes';
import { useUi } from '../store';
import { cx } from '../ui/class-names';
import { Icon, type IconName } from '../ui/Icon';
import { useMediaQuery } from '../ui/use-media-query';
import { useAccess } from '../features/access/access';

const items: { label: string; icon: IconName; route: Route; matches: Route['name'][]; adminOnly?: true }[] = [
  { label: 'Dashboard', icon: 'home', route: { name: 'dashboard' }, matches: ['dashboard'] },
  { label: 'Contacts', icon: 'contacts', route: { name: 'contacts' }, matches: ['contacts', 'contact', 'contactNew', 'contactEdit'] },
  { label: 'Companies', icon: 'building', route: { name: 'companies' }, matches: ['companies', 'company'] },
  { label: 'Segments', icon: 'filter', route: { name: 'segments' }, matches: ['segments', 'segment'] },
  { label: 'Pipeline', icon: 'pipeline', route: { name: 'pipeline' }, matches: ['pipeline'] },
  { label: 'Follow-ups', icon: 'bell', route: { name: 'followUps' }, matches: ['followUps'] },
  { label: 'Calls', icon: 'phone', route: { name: 'calls' }, matches: ['calls', 'callTriage', 'slaReport'] },
  { label: 'Jobs', icon: 'calendar', route: { name: 'jobs' }, matches: ['jobs'] },
  { label: 'Phone', icon: 'phone', route: { name: 'phone' }, matches: ['phone'] },
  { label: 'Import & export', icon: 'layers', route: { name: 'exchange' }, matches: ['exchange'] },
  { label: 'Audit trail', icon: 'activity', route: { name: 'audit' }, matches: ['audit'], adminOnly: true },
  { label: 'Settings', icon: 'settings', route: { name: 'settings' }, matches: ['settings', 'phoneSettings', 'mailSettings'] },
];

interface SidebarProps {
  /** Shown after an item's label (the follow-ups count), by route name; part of the link's name. */
  badges?: Partial<Record<Route['name'], ReactNode>>;
  /** Between the navigation and the footer: the team sync status. */
  status?: ReactNode;
}

/** Below this width the sidebar starts as a rail of icons; its toggle opens or closes it at any width. */
const narrowWindow = '(max-width: 960px)';

/** The app's navigation, search button, sync status and who is signed in. */
export function Sidebar({ badges = {}, status }: SidebarProps) {
  const narrow = useMediaQuery(narrowWindow);
  // The toggle's choice holds for the width it was made at; a window made narrow or wide again
  // starts from what suits its width.
  const [chosen, setChosen] = useState<{ narrow: boolean; collapsed: boolean } | null>(null);
  const collapsed = chosen?.narrow === narrow ? chosen.collapsed : narrow;
  const route = useUi((state) => state.route);
  const navigate = useUi((state) => state.navigate);
  const setPaletteOpen = useUi((state) => state.setPaletteOpen);
  const userName = useUi((state) => state.settings?.userName);
  const version = useUi((state) => state.appInfo?.version);
  const { isAdmin } = useAccess();

  return (
    <aside className={cx('sidebar', collapsed && 'sidebar--collapsed')}>
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          F
        </span>
        <span className="sidebar__name">Fieldbook</span>
        <button
          type="button"
          className="sidebar__toggle"
          aria-label={collapsed ? 'Expand the sidebar' : 'Collapse the sidebar'}
          aria-expanded={!collapsed}
          title={collapsed ? 'Expand the sidebar' : 'Collapse the sidebar'}
          onClick={() => setChosen({ narrow, collapsed: !collapsed })}
        >
          <Icon name="sidebar" size={16} />
        </button>
      </div>
      <button type="button" className="sidebar__search" aria-keyshortcuts="Control+K Meta+K" onClick={() => setPaletteOpen(true)}>
        <Icon name="search" size={16} />
        <span className="sidebar__label">Search</span>
        <kbd aria-hidden="true">{/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘K' : 'Ctrl K'}</kbd>
      </button>
      <nav aria-label="Main" className="sidebar__nav">
        {items.filter((item) => isAdmin || !item.adminOnly).map((item) => (
          <a
            key={item.label}
            href={routeHash(item.route)}
            className="sidebar__link"
            title={collapsed ? item.label : undefined}
            aria-current={item.matches.includes(route.name) ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              navigate(item.route);
            }}
          >
            <Icon name={item.icon} />
            <span className="sidebar__label">{item.label}</span>
            {badges[item.route.name] ?? null}
          </a>
        ))}
      </nav>
      <div className="sidebar__status">{status}</div>
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
