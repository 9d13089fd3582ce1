import { useId, type KeyboardEvent, type ReactNode } from 'react';
import { cx } from './class-names';
import './Card.css';

export interface CardProps {
  /** The card's heading, which also names it (a region a screen reader can jump to). */
  title?: ReactNode;
  /** When the visible title is not the name to read (or there is none). */
  label?: string;
  titleHidden?: boolean;
  /** A line under the title: what the card is for. */
  help?: ReactNode;
  /** Buttons at the right of the title. */
  actions?: ReactNode;
  /** A line of small print beside the title ("2 open · £3,400"). */
  aside?: ReactNode;
  /** No padding: a list or tabs run edge to edge. */
  flush?: boolean;
  id?: string;
  className?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  children: ReactNode;
}

/**
 * A white panel with a heading: the building block of every screen.
 *   <Card title="Follow-ups" actions={<Button size="sm" icon="plus">Add follow-up</Button>}>…</Card>
 */
export function Card({ title, label, titleHidden, help, actions, aside, flush, id, className, onKeyDown, children }: CardProps) {
  const titleId = useId();
  const helpId = useId();
  const named = title !== undefined && label === undefined;
  return (
    <section
      id={id}
      className={cx('card', flush && 'card--flush', className)}
      aria-labelledby={named ? titleId : undefined}
      aria-label={label}
      aria-describedby={help ? helpId : undefined}
      onKeyDown={onKeyDown}
    >
      {titleHidden && !actions && !aside ? (
        // Out of the flow (visually-hidden is absolute), so it adds no gap above the content.
        <h2 id={titleId} className="visually-hidden" tabIndex={-1}>
          {title}
        </h2>
      ) : title !== undefined || actions ? (
        <div className="card__header">
          <div className="card__heading">
            {title !== undefined ? (
              <h2 id={titleId} className={titleHidden ? 'visually-hidden' : 'heading'} tabIndex={-1}>
                {title}
              </h2>
            ) : null}
            {aside ? <p className="card__aside">{aside}</p> : null}
          </div>
          {actions ? <div className="card__actions">{actions}</div> : null}
        </div>
      ) : null}
      {help ? (
        <p id={helpId} className="card__help muted">
          {help}
        </p>
      ) : null}
      {children}
    </section>
  );
}
