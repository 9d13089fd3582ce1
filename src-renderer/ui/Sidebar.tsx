import { useUi } from '../store';
import { routeHash, type Route } from '../routes';
import { Icon, type IconName } from './Icon';

const items: { label: string; icon: IconName; route: Route; matches: Route['name'][] }[] = [
  { label: 'Contacts', icon: 'contacts', route: { name: 'contacts' }, matches: ['contacts', 'contact', 'contactNew', 'contactEdit'] },
  { label: 'Settings', icon: 'settings', route: { name: 'settings' }, matches: ['settings'] },
];

export function Sidebar() {
  const route = useUi((state) => state.route);
  const navigate = useUi((state) => state.navigate);
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
      <nav aria-label="Main" className="sidebar__nav">
        {items.map((item) => {
          const current = item.matches.includes(route.name);
          return (
            <a
              key={item.label}
              href={routeHash(item.route)}
              className="sidebar__link"
              aria-current={current ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                navigate(item.route);
              }}
            >
              <Icon name={item.icon} />
              <span>{item.label}</span>
            </a>
          );
        })}
      </nav>
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
