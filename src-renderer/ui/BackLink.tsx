import type { ReactNode } from 'react';
import { routeHash, type Route } from '../routes';
import { useUi } from '../store';
import { Icon } from './Icon';
import './PageHeader.css';

/** "‹ All contacts" above a PageHeader: a real link (so it reads as one), routed in-app. */
export function BackLink({ to, children }: { to: Route; children: ReactNode }) {
  const navigate = useUi((state) => state.navigate);
  return (
    <a
      href={routeHash(to)}
      className="back-link"
      onClick={(event) => {
        event.preventDefault();
        navigate(to);
      }}
    >
      <Icon name="back" size={16} /> {children}
    </a>
  );
}
