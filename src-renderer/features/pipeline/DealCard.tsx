import type { DragEvent, KeyboardEvent } from 'react';
import type { Deal } from '../../../src-shared/domain/pipeline';
import { Avatar } from '../../ui/Avatar';
import { cx } from '../../ui/class-names';
import { formatDate } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { money, percent, shortDate } from './pipeline-format';

export const dealDragType = 'application/x-fieldbook-deal';

interface DealCardProps {
  deal: Deal;
  /** The one card of the board in the tab order (roving tabindex). */
  tabbable: boolean;
  /** Picked up by the keyboard and still over its own column. */
  lifted?: boolean;
  /** Picked up and shown over another column: this is its old place. */
  leaving?: boolean;
  describedBy: string;
  onOpen: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  onFocus: () => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}

export function dealLabel(deal: Deal): string {
  return [deal.title, deal.contactName, money(deal.valueMinor, deal.currency)].filter(Boolean).join(', ');
}

/** A deal on the board: open it with a click or Enter, move it by dragging or with Space and the arrows. */
export function DealCard({ deal, tabbable, lifted, leaving, describedBy, onOpen, onKeyDown, onFocus, onDragStart, onDragEnd }: DealCardProps) {
  const className = cx('deal-card', lifted && 'deal-card--lifted', leaving && 'deal-card--leaving');
  return (
    <div
      role="button"
      tabIndex={tabbable ? 0 : -1}
      className={className}
      data-deal-id={deal.id}
      aria-label={dealLabel(deal)}
      aria-describedby={describedBy}
      draggable
      onClick={onOpen}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onDragStart={(event: DragEvent<HTMLDivElement>) => {
        event.dataTransfer.setData(dealDragType, deal.id);
        event.dataTransfer.setData('text/plain', deal.title);
        event.dataTransfer.effectAllowed = 'move';
        onDragStart();
      }}
      onDragEnd={onDragEnd}
    >
      <DealCardBody deal={deal} />
    </div>
  );
}

/** What a card shows; also the ghost drawn where a keyboard-carried card would land. */
export function DealCardBody({ deal }: { deal: Deal }) {
  const now = useNow();
  return (
    <>
      <span className="strong truncate">{deal.title}</span>
      {deal.contactName ? <span className="meta truncate">{deal.contactName}</span> : null}
      <span className="deal-card__meta">
        <span className="deal-card__value">{money(deal.valueMinor, deal.currency)}</span>
        {deal.probabilityOverridden ? <span className="deal-card__probability">{percent(deal.probabilityBp)}</span> : null}
        <span className="deal-card__spacer" />
        {deal.expectedCloseAt !== null && deal.closedAt === null ? (
          <span className="meta truncate" title={`Expected to close ${formatDate(deal.expectedCloseAt)}`}>
            {shortDate(deal.expectedCloseAt, now)}
          </span>
        ) : null}
        {deal.owner ? (
          <span className="deal-card__owner" title={`Owner: ${deal.owner}`}>
            <Avatar name={deal.owner} size="sm" />
          </span>
        ) : null}
      </span>
      {deal.closeReason && deal.closedAt !== null ? <span className="deal-card__reason meta truncate">{deal.closeReason}</span> : null}
    </>
  );
}
