import { Button } from './Button';
import { Icon } from './Icon';
import './EmptyState.css';

export interface ErrorStateProps {
  /** What could not be shown: "The timeline could not be loaded." The reason is in the error banner. */
  message: string;
  onRetry?: () => void;
  compact?: boolean;
}

/** Data that failed to load, with a way to try again: <ErrorState message="…" onRetry={live.reload} />. */
export function ErrorState({ message, onRetry, compact }: ErrorStateProps) {
  return (
    <div className={compact ? 'empty-state empty-state--compact' : 'empty-state empty-state--error'} role="alert">
      {compact ? null : (
        <div className="empty-state__icon" aria-hidden="true">
          <Icon name="alert" size={28} />
        </div>
      )}
      <p className="muted">{message}</p>
      {onRetry ? (
        <Button size="sm" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}
