import type { ActivityItem } from '../../../src-shared/domain/timeline';
import { routeHash } from '../../routes';
import { useUi } from '../../store';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { formatDateTime, formatWhen } from '../../ui/format';
import { IconCircle } from '../../ui/IconCircle';
import { ListRow } from '../../ui/ListRow';
import { RowList } from '../../ui/RowList';
import { useNow } from '../../ui/use-now';

/** The latest notes and calls across contacts, each leading to its contact. */
export function RecentActivity({ items }: { items: readonly ActivityItem[] }) {
  const navigate = useUi((state) => state.navigate);
  const now = useNow();
  return (
    <Card title="Recent activity">
      {items.length === 0 ? (
        <EmptyState compact title="Notes and calls appear here as you and your team log them." />
      ) : (
        <RowList>
          {items.map((item) => {
            const route = { name: 'contact', id: item.contactId } as const;
            return (
              <li key={item.key}>
                <ListRow
                  leading={<IconCircle icon={item.kind === 'call' ? 'phone' : 'note'} tone={item.kind === 'call' ? 'success' : 'info'} />}
                  title={
                    <>
                      <a
                        href={routeHash(route)}
                        onClick={(event) => {
                          event.preventDefault();
                          navigate(route);
                        }}
                      >
                        {item.contactName}
                      </a>
                      <span className="activity-kind muted"> · {item.title}</span>
                    </>
                  }
                  trailing={
                    <time className="muted" dateTime={new Date(item.at).toISOString()} title={formatDateTime(item.at)}>
                      {formatWhen(item.at, now)}
                    </time>
                  }
                >
                  {item.detail ? <p className="activity-detail">{item.detail}</p> : null}
                </ListRow>
              </li>
            );
          })}
        </RowList>
      )}
    </Card>
  );
}
