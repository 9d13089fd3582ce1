import { cx } from './class-names';
import './LoadingState.css';

export interface LoadingStateProps {
  /** What is loading, in words: "Loading contacts…". */
  label: string;
  /** page: a whole screen; section: a card or tab; block: a placeholder box that holds the space of a list. */
  size?: 'page' | 'section' | 'block';
}

/** Data on its way: <LoadingState label="Loading the timeline…" size="section" />. */
export function LoadingState({ label, size = 'section' }: LoadingStateProps) {
  if (size === 'block') {
    return (
      <div className="loading-state loading-state--block" aria-busy="true">
        <span className="visually-hidden">{label}</span>
      </div>
    );
  }
  return (
    <p className={cx('loading-state', `loading-state--${size}`)} aria-busy="true">
      {label}
    </p>
  );
}
