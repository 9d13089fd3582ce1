import type { ActivityItem } from '../../../src-shared/domain/timeline';
import { routeHash } from '../../routes';
import { useUi } from '../../store';
import { Card } from '../../ui/Card';
import { formatDateTime, formatWhen } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { useNow } from '../../ui/use-now';

/** The latest notes and calls across contacts, each leading to its contact. */
export function RecentActivity({ items }: { items: readonly ActivityItem[] }) {
  const navigate = useUi((state) => state.navigate);
  const now = useNow();
  return (
    <Card title="Recent activity">
      {items.length === 0 ? (
        <p className="muted">Notes and calls appear here as you and your team log them.</p>
      ) : (
        <ul className="activity-list">
          {items.map((item) => {
            const route = { name: 'contact', id: item.contactId } as const;
            return (
              <li key={item.key} className="activity-item">
                <span className="activity-item__icon" aria-hidden="true">
                  <Icon name={item.kind === 'call' ? 'phone' : 'note'} size={15} />
                </span>
                <div className="activity-item__text">
                  <p>
                    <a
                      href={routeHash(route)}
                      onClick={(event) => {
                        event.preventDefault();
                        navigate(route);
                      }}
                    >
                      {item.contactName}
                    </a>{' '}
                    <span className="muted">· {item.title}</span>
                  </p>
                  {item.detail ? <p className="activity-item__detail">{item.detail}</p> : null}
                </div>
                <time className="activity-item__time" dateTime={new Date(item.at).toISOString()} title={formatDateTime(item.at)}>
                  {formatWhen(item.at, now)}
                </time>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
