import type { ReactNode } from 'react';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { useAccess } from './access';

const defaultWhy = {
  edit: 'Your role in the workspace is read-only: you can see the team’s data but not change it. An admin can make you a member.',
  admin: 'Only the workspace’s admins can use this. Ask an admin if you need it.',
} as const;

/**
 * A screen that only a member who may `edit` (or an `admin`) can use. Reached by its address
 * anyway (a bookmark, the back button, a link from before a role changed), it says why it shows
 * nothing instead of a form the core would refuse.
 */
export function AllowedScreen({ to = 'edit', title, why, children }: { to?: 'edit' | 'admin'; title: string; why?: ReactNode; children: ReactNode }) {
  const access = useAccess();
  const allowed = to === 'admin' ? access.isAdmin : access.canEdit;
  if (allowed) return <>{children}</>;
  return (
    <Screen>
      <PageHeader title={title} />
      <EmptyState icon="ban" title={to === 'admin' ? 'Admins only' : 'Read-only'}>
        <p>{why ?? defaultWhy[to]}</p>
      </EmptyState>
    </Screen>
  );
}
