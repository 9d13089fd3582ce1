import type { ReactNode } from 'react';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { Screen } from '../../ui/Screen';
import type { LiveData } from '../../ui/use-live-data';

/** A contact's screen (page or form) while the contact loads, or when it is gone or failed to load. */
export function ContactGone<T>({ live, back, gone }: { live: LiveData<T>; back?: ReactNode; gone: string }) {
  const navigate = useUi((store) => store.navigate);
  return (
    <Screen busy={live.status === 'loading'}>
      {back}
      {live.status === 'loading' ? <LoadingState label="Loading contact…" size="page" /> : null}
      {live.status === 'failed' ? <ErrorState message="This contact could not be loaded." onRetry={live.reload} /> : null}
      {live.status === 'missing' ? (
        <EmptyState icon="contacts" title="This contact no longer exists" action={<Button onClick={() => navigate({ name: 'contacts' })}>Back to contacts</Button>}>
          <p>{gone}</p>
        </EmptyState>
      ) : null}
    </Screen>
  );
}
