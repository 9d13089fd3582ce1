import type { ReactNode } from 'react';
import { cx } from './class-names';
import { Icon, type IconName } from './Icon';
import './EmptyState.css';

export interface EmptyStateProps {
  title: string;
  icon?: IconName;
  /** What shows up here once there is some, and how to get there. */
  children?: ReactNode;
  /** The button that fills it. */
  action?: ReactNode;
  /** A single muted line inside a card or tab, instead of the centred block of a screen. */
  compact?: boolean;
}

/**
 * Nothing to show yet, said kindly, with the way forward.
 *   <EmptyState icon="contacts" title="No contacts yet" action={<Button …>Add your first contact</Button>}><p>…</p></EmptyState>
 *   <EmptyState compact title="No deals yet." />
 */
export function EmptyState({ title, icon, children, action, compact }: EmptyStateProps) {
  if (compact) {
    return (
      <p className="empty-state empty-state--compact">
        {title}
        {children ? <> {children}</> : null}
      </p>
    );
  }
  return (
    <section className={cx('empty-state')} aria-label={title}>
      {icon ? (
        <div className="empty-state__icon" aria-hidden="true">
          <Icon name={icon} size={28} />
        </div>
      ) : null}
      <h2 className="empty-state__title">{title}</h2>
      {children ? <div className="muted">{children}</div> : null}
      {action ? <div className="empty-state__action">{action}</div> : null}
    </section>
  );
}
