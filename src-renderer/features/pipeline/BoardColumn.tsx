import { useId, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Deal, Stage } from '../../../src-shared/domain/pipeline';
import { formatNumber } from '../../ui/format';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/class-names';
import { IconButton } from '../../ui/IconButton';
import { Cluster } from '../../ui/Cluster';
import { DealCard, DealCardBody, dealDragType } from './DealCard';
import type { BoardColumnData } from './hooks';
import { money, moneyByCurrency, percent } from './pipeline-format';
import { Stack } from '../../ui/Stack';

interface BoardColumnProps {
  column: BoardColumnData;
  currency: string;
  /** The deal in the board's tab order. */
  tabbableDealId: string | null;
  /** A keyboard-carried deal: where it came from and where it hovers. */
  carried: { deal: Deal; fromStageId: string; overStageId: string } | null;
  mouseDraggedId: string | null;
  instructionsId: string;
  onOpen: (deal: Deal) => void;
  onAdd: (stage: Stage) => void;
  onShowAll: (stage: Stage) => void;
  onCardKeyDown: (deal: Deal, event: KeyboardEvent<HTMLDivElement>) => void;
  onCardFocus: (deal: Deal) => void;
  onMouseDrag: (dealId: string | null) => void;
  onDropDeal: (dealId: string, stage: Stage) => void;
}

/** One stage: its count, value and weighted value, and its newest deals. */
export function BoardColumn(props: BoardColumnProps) {
  const { column, currency, carried, instructionsId } = props;
  const { stage } = column;
  const headingId = useId();
  const [dragOver, setDragOver] = useState(false);
  const hidden = column.count - column.deals.length;
  const ghost = carried && carried.overStageId === stage.id && carried.fromStageId !== stage.id ? carried.deal : null;

  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(dealDragType);

  return (
    <div
      role="group"
      aria-labelledby={headingId}
      data-stage-id={stage.id}
      className={cx('board-column', stage.outcome !== 'open' && `board-column--${stage.outcome}`, (dragOver || ghost) && 'board-column--over')}
      onDragOver={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setDragOver(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragOver(false);
      }}
      onDrop={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        setDragOver(false);
        const dealId = event.dataTransfer.getData(dealDragType);
        if (dealId) props.onDropDeal(dealId, stage);
      }}
    >
      <Stack as="header" gap="2xs" className="board-column__head">
        <Cluster gap="sm" className="board-column__title-row">
          <h2 id={headingId} className="board-column__title truncate">
            {stage.name}
          </h2>
          <span className="board-column__count">
            {formatNumber(column.count)}
            <span className="visually-hidden">{column.count === 1 ? ' deal' : ' deals'}</span>
          </span>
          <IconButton icon="plus" size="sm" className="board-column__add" label={`Add a deal to ${stage.name}`} onClick={() => props.onAdd(stage)} />
        </Cluster>
        <Cluster as="p" className="board-column__totals">
          <span title={moneyByCurrency(column.totals, currency, 'totalMinor', money)}>
            <span className="visually-hidden">Total </span>
            {moneyByCurrency(column.totals, currency)}
          </span>
          {stage.outcome === 'open' ? (
            <span className="board-column__weighted" title={`Weighted by ${percent(stage.probabilityBp)} and any deal's own probability`}>
              {moneyByCurrency(column.totals, currency, 'weightedMinor')} weighted
            </span>
          ) : (
            <span className={`board-column__outcome board-column__outcome--${stage.outcome}`}>{stage.outcome === 'won' ? 'Won' : 'Lost'}</span>
          )}
        </Cluster>
      </Stack>
      <Stack as="ul" gap="sm" className="board-column__cards" aria-label={`Deals in ${stage.name}`}>
        {ghost ? (
          <li className="board-column__ghost" aria-hidden="true">
            <div className="deal-card deal-card--ghost">
              <DealCardBody deal={ghost} />
            </div>
          </li>
        ) : null}
        {column.deals.map((deal) => (
          <li key={deal.id}>
            <DealCard
              deal={deal}
              tabbable={props.tabbableDealId === deal.id}
              lifted={carried?.deal.id === deal.id && carried.overStageId === stage.id}
              leaving={(carried?.deal.id === deal.id && carried.overStageId !== stage.id) || props.mouseDraggedId === deal.id}
              describedBy={instructionsId}
              onOpen={() => props.onOpen(deal)}
              onKeyDown={(event) => props.onCardKeyDown(deal, event)}
              onFocus={() => props.onCardFocus(deal)}
              onDragStart={() => props.onMouseDrag(deal.id)}
              onDragEnd={() => props.onMouseDrag(null)}
            />
          </li>
        ))}
        {column.count === 0 && !ghost ? (
          <li className="board-column__empty">{dragOver ? 'Drop here' : 'No deals'}</li>
        ) : null}
      </Stack>
      {hidden > 0 ? (
        <Cluster justify="center" className="board-column__more">
          <Button variant="ghost" size="sm" onClick={() => props.onShowAll(stage)}>
            +{formatNumber(hidden)} more in the list
          </Button>
        </Cluster>
      ) : null}
    </div>
  );
}
