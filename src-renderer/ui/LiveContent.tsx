import type { ReactNode } from 'react';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { LoadingState, type LoadingStateProps } from './LoadingState';
import type { LiveData } from './use-live-data';

export interface LiveContentProps<T> {
  live: LiveData<T>;
  /** "Loading notes…" */
  loading: string;
  /** "The notes could not be loaded." */
  failed: string;
  /** What to say when the thing is gone (status missing); the failed text otherwise. */
  missing?: string;
  size?: LoadingStateProps['size'];
  /** Keep showing the previous answer while a new key loads, instead of "Loading". */
  keepLatest?: boolean;
  children: (data: T) => ReactNode;
}

/**
 * The four states of live data drawn one way everywhere: loading, failed (with Try again),
 * missing, and the data itself.
 *   <LiveContent live={notes} loading="Loading notes…" failed="The notes could not be loaded.">{(list) => …}</LiveContent>
 */
export function LiveContent<T>({ live, loading, failed, missing, size = 'section', keepLatest, children }: LiveContentProps<T>) {
  if (live.status === 'ready') return <>{children(live.data)}</>;
  if (keepLatest && live.status === 'loading' && live.latest !== undefined) return <>{children(live.latest)}</>;
  if (live.status === 'missing') return <EmptyState compact={size !== 'page'} title={missing ?? failed} />;
  if (live.status === 'failed') return <ErrorState compact={size !== 'page'} message={failed} onRetry={live.reload} />;
  return <LoadingState label={loading} size={size} />;
}
