import type { ReactNode } from 'react';
import { routeHash, type Route } from '../../routes';
import { useUi } from '../../store';
import { Icon, type IconName } from '../../ui/Icon';

interface StatTileProps {
  label: string;
  value: ReactNode;
  icon: IconName;
  /** What the number means in words, under it. */
  detail?: string;
  tone?: 'danger' | 'warning' | 'neutral';
  /** Where the tile leads: the list behind the number. */
  to?: Route;
}

/** One figure on the dashboard; a link to the list behind it when there is one. */
export function StatTile({ label, value, icon, detail, tone = 'neutral', to }: StatTileProps) {
  const navigate = useUi((state) => state.navigate);
  const body = (
    <>
      <span className="stat-tile__label">
        <Icon name={icon} size={16} /> {label}
      </span>
      <span className="stat-tile__value">{value}</span>
      {detail ? <span className="stat-tile__detail">{detail}</span> : null}
    </>
  );
  const className = `stat-tile stat-tile--${tone}`;
  if (!to) return <div className={className}>{body}</div>;
  return (
    <a
      className={`${className} stat-tile--link`}
      href={routeHash(to)}
      onClick={(event) => {
        event.preventDefault();
        navigate(to);
      }}
    >
      {body}
    </a>
  );
}
