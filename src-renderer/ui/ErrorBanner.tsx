import { useUi } from '../store';
import { Icon } from './Icon';
import { IconButton } from './IconButton';
import './ErrorBanner.css';

export function ErrorBanner() {
  const error = useUi((state) => state.error);
  const dismissError = useUi((state) => state.dismissError);
  // The alert element stays mounted so that screen readers announce each new message.
  return (
    <div role="alert" className={error ? 'error-banner' : 'error-banner error-banner--empty'}>
      {error ? (
        <>
          <Icon name="alert" />
          <p className="error-banner__message">{error}</p>
          <IconButton icon="close" label="Dismiss error" onClick={dismissError} />
        </>
      ) : null}
    </div>
  );
}
