import { useUi } from '../store';
import { Icon } from './Icon';

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
          <button type="button" className="icon-button" aria-label="Dismiss error" onClick={dismissError}>
            <Icon name="close" />
          </button>
        </>
      ) : null}
    </div>
  );
}
