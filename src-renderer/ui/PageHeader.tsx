import type { ReactNode } from 'react';
import { PageTitle } from './PageTitle';
import './PageHeader.css';

export interface PageHeaderProps {
  title: ReactNode;
  /** A line under the title: a count, a date, what the screen is for. */
  meta?: ReactNode;
  /** Read out when it changes (a count that follows a search). */
  metaLive?: boolean;
  /** Beside the title, on its line (a pipeline switcher). */
  titleAside?: ReactNode;
  /** Above the title (a BackLink). */
  back?: ReactNode;
  /** Before the title (an avatar). */
  leading?: ReactNode;
  /** Under the meta line (badges). */
  details?: ReactNode;
  /** The screen's buttons, the main one last. */
  actions?: ReactNode;
}

/**
 * The top of a screen: its h1 (which takes focus after navigation), a line about it and its buttons.
 *   <PageHeader title="Contacts" meta="299 contacts" metaLive actions={<Button variant="primary" icon="plus">Add contact</Button>} />
 */
export function PageHeader({ title, meta, metaLive, titleAside, back, leading, details, actions }: PageHeaderProps) {
  return (
    <>
      {back}
      <header className="page-header">
        {leading}
        <div className="page-header__text">
          <div className="page-header__title-row">
            <PageTitle>{title}</PageTitle>
            {titleAside}
          </div>
          {meta !== undefined ? (
            <p className="muted" aria-live={metaLive ? 'polite' : undefined}>
              {meta}
            </p>
          ) : null}
          {details}
        </div>
        {actions ? <div className="page-header__actions">{actions}</div> : null}
      </header>
    </>
  );
}
