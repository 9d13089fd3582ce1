import { useId, useState, type ReactNode } from 'react';
import { Button } from './Button';
import { Icon, type IconName } from './Icon';
import { useMediaQuery } from './use-media-query';
import './CardDock.css';

/**
 * Cards that need attention now (follow-ups falling due), docked in the app's layout so that they
 * never cover the screen: a column beside it in a wide window, a one-line bar above it in a
 * narrow one, which opens to show the cards and pushes the screen down rather than sitting on it.
 *   <CardDock label="Reminders" summary="3 follow-ups due" icon="bell"><CornerCard …/>…</CardDock>
 * The shell gives it its place (shell.css, `.app__dock`), with the same width as `dockBeside`.
 */
export function CardDock({ label, summary, icon, children }: CardDockProps) {
  const beside = useMediaQuery(dockBeside);
  const [open, setOpen] = useState(false);
  const cardsId = useId();
  const expanded = beside || open;
  return (
    <section className={beside ? 'card-dock card-dock--beside' : 'card-dock card-dock--above'} aria-label={label}>
      <div className="card-dock__bar">
        <Icon name={icon} size={16} />
        <h2 className="card-dock__summary strong">{summary}</h2>
        {beside ? null : (
          <Button size="sm" variant="ghost" aria-expanded={open} aria-controls={cardsId} onClick={() => setOpen(!open)}>
            {open ? 'Hide' : 'Show'}
          </Button>
        )}
      </div>
      <div id={cardsId} className="card-dock__cards" hidden={!expanded}>
        {children}
      </div>
    </section>
  );
}

/** From this window width the dock is a column beside the screen; below it, a bar above it. */
export const dockBeside = '(min-width: 1180px)';

export interface CardDockProps {
  /** The region's accessible name. */
  label: string;
  /** One line saying what is in it ("3 follow-ups due"): the column's heading, the narrow bar's text. */
  summary: string;
  icon: IconName;
  /** The cards (CornerCard), newest first. */
  children: ReactNode;
}
