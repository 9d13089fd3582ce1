import type { ReactNode } from 'react';
import { Badge } from '../../ui/Badge';
import { useAccess } from './access';

/**
 * Renders its children only when this laptop's member may do what they do: `edit` (change the
 * data) or `admin` (manage the workspace). A read-only member never meets a control that would
 * only be refused.
 */
export function WhenAllowed({ to = 'edit', children }: { to?: 'edit' | 'admin'; children: ReactNode }) {
  const access = useAccess();
  const allowed = to === 'admin' ? access.isAdmin : access.canEdit;
  return allowed ? <>{children}</> : null;
}

/** The visible mark of a read-only member, beside the sync status. */
export function ReadOnlyBadge() {
  const { canEdit } = useAccess();
  if (canEdit) return null;
  return (
    <Badge tone="warning" title="You can see the team's data but not change it. An admin can change your role.">
      Read-only
    </Badge>
  );
}
