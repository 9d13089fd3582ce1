import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Deal, Stage } from '../../../src-shared/domain/pipeline';
import { BoardColumn } from './BoardColumn';
import { applyMove, type PendingMove } from './board-model';
import { CloseReasonDialog } from './CloseReasonDialog';
import { useDealMove, type Board, type MoveRequest } from './hooks';

interface PipelineBoardProps {
  board: Board;
  currency: string;
  onOpenDeal: (deal: Deal) => void;
  onAddDeal: (stage: Stage) => void;
  onShowAll: (stage: Stage) => void;
}

interface Carried {
  deal: Deal;
  fromStageId: string;
  overStageId: string;
}

/** A move shown before the core confirms it; once settled, only until the next board arrives. */
interface ShownMove extends PendingMove {
  settledOn?: Board;
}

/**
 * The board: a column per stage. Deals move by mouse (HTML5 drag and drop) or by keyboard:
 * Space picks the focused card up, Left and Right carry it across columns, Space or Enter
 * drops it and Escape puts it back. Every step is announced in a live region.
 */
export function PipelineBoard({ board, currency, onOpenDeal, onAddDeal, onShowAll }: PipelineBoardProps) {
  const instructionsId = useId();
  const boardRef = useRef<HTMLDivElement>(null);
  const latestBoard = useRef(board);
  const [moves, setMoves] = useState<ShownMove[]>([]);
  const [carried, setCarried] = useState<Carried | null>(null);
  const [mouseDraggedId, setMouseDraggedId] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [refocus, setRefocus] = useState(0);
  /** The card to focus after the next render (it may have moved to another column). */
  const focusAfterRender = useRef<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useLayoutEffect(() => {
    latestBoard.current = board;
  }, [board]);

  const shown = moves.reduce((current, move) => (move.settledOn && move.settledOn !== board ? current : applyMove(current, move)), board);
  const stages = shown.columns.map((column) => column.stage);
  const stageName = (stageId: string) => stages.find((stage) => stage.id === stageId)?.name ?? '';
  const allDeals = shown.columns.flatMap((column) => column.deals);
  const tabbableId = focusedId !== null && allDeals.some((deal) => deal.id === focusedId) ? focusedId : (allDeals[0]?.id ?? null);

  const mover = useDealMove({
    onStart: ({ deal, stage }) => {
      setMoves((current) => [...current.filter((move) => move.dealId !== deal.id), { dealId: deal.id, stageId: stage.id }]);
      focusCard(deal.id);
    },
    onSettled: ({ deal, stage }, moved) => {
      setMoves((current) =>
        moved
          ? current.map((move) => (move.dealId === deal.id && move.stageId === stage.id ? { ...move, settledOn: latestBoard.current } : move))
          : current.filter((move) => move.dealId !== deal.id),
      );
      setAnnouncement(moved ? `${deal.title} moved to ${stage.name}` : `${deal.title} could not be moved; it stays in ${stageName(deal.stageId)}`);
    },
    onCancelled: ({ deal }) => {
      setAnnouncement(`Move cancelled. ${deal.title} stays in ${stageName(deal.stageId)}`);
      focusCard(deal.id);
    },
  });

  function focusCard(dealId: string) {
    setFocusedId(dealId);
    focusAfterRender.current = dealId;
    setRefocus((count) => count + 1);
  }

  // After a move the card lives in another column (a new element): give it focus back, once.
  useEffect(() => {
    const dealId = focusAfterRender.current;
    if (dealId === null) return;
    const card = boardRef.current?.querySelector<HTMLElement>(`[data-deal-id="${CSS.escape(dealId)}"]`);
    if (!card) return;
    focusAfterRender.current = null;
    card.focus();
  }, [refocus, shown]);

  // A carried card's target column comes into view, however wide the board.
  const overStageId = carried?.overStageId;
  useEffect(() => {
    if (!overStageId) return;
    boardRef.current?.querySelector(`[data-stage-id="${CSS.escape(overStageId)}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [overStageId]);

  const request = (move: MoveRequest) => mover.request(move);

  const dropDeal = (dealId: string, stage: Stage) => {
    const deal = allDeals.find((candidate) => candidate.id === dealId);
    if (deal && deal.stageId !== stage.id) request({ deal, stage });
  };

  const focusDeal = (deal: Deal | undefined) => {
    if (deal) focusCard(deal.id);
  };

  const onCardKeyDown = (deal: Deal, event: KeyboardEvent<HTMLDivElement>) => {
    const columnIndex = shown.columns.findIndex((column) => column.stage.id === deal.stageId);
    const column = shown.columns[columnIndex];
    if (!column) return;
    const rowIndex = column.deals.findIndex((candidate) => candidate.id === deal.id);

    if (carried && carried.deal.id === deal.id) {
      const overIndex = stages.findIndex((stage) => stage.id === carried.overStageId);
      const handled = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', ' ', 'Enter', 'Escape', 'Home', 'End'].includes(event.key);
      if (!handled) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight' || event.key === 'Home' || event.key === 'End') {
        const target =
          event.key === 'Home' ? 0 : event.key === 'End' ? stages.length - 1 : overIndex + (event.key === 'ArrowLeft' ? -1 : 1);
        const stage = stages[Math.max(0, Math.min(stages.length - 1, target))];
        if (!stage || stage.id === carried.overStageId) return;
        setCarried({ ...carried, overStageId: stage.id });
        setAnnouncement(
          stage.id === deal.stageId
            ? `${deal.title} is back over ${stage.name}, where it was.`
            : `${deal.title} is over ${stage.name}. Press Space to drop it there.`,
        );
      } else if (event.key === 'Escape') {
        setCarried(null);
        setAnnouncement(`Move cancelled. ${deal.title} stays in ${column.stage.name}`);
      } else if (event.key === ' ' || event.key === 'Enter') {
        setCarried(null);
        const stage = stages[overIndex];
        if (!stage || stage.id === deal.stageId) setAnnouncement(`${deal.title} dropped back in ${column.stage.name}`);
        else request({ deal, stage });
      }
      return;
    }

    switch (event.key) {
      case ' ':
        event.preventDefault();
        setCarried({ deal, fromStageId: deal.stageId, overStageId: deal.stageId });
        setAnnouncement(
          `Picked up ${deal.title} in ${column.stage.name}. Use the left and right arrow keys to choose a stage, Space to drop, Escape to cancel.`,
        );
        return;
      case 'Enter':
        event.preventDefault();
        onOpenDeal(deal);
        return;
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        focusDeal(column.deals[rowIndex + (event.key === 'ArrowDown' ? 1 : -1)]);
        return;
      }
      case 'Home':
      case 'End':
        event.preventDefault();
        focusDeal(event.key === 'Home' ? column.deals[0] : column.deals.at(-1));
        return;
      case 'ArrowLeft':
      case 'ArrowRight': {
        event.preventDefault();
        const step = event.key === 'ArrowLeft' ? -1 : 1;
        for (let index = columnIndex + step; index >= 0 && index < shown.columns.length; index += step) {
          const next = shown.columns[index]!;
          if (next.deals.length > 0) {
            focusDeal(next.deals[Math.min(rowIndex, next.deals.length - 1)]);
            return;
          }
        }
        return;
      }
    }
  };

  const carriedOver = carried ? stageName(carried.overStageId) : '';

  return (
    <div className="board-wrap">
      <p id={instructionsId} className="visually-hidden">
        Press Enter to open the deal. Press Space to pick it up, the left and right arrow keys to move it between stages, and Space
        again to drop it. Escape cancels.
      </p>
      <div
        ref={boardRef}
        className="board"
        aria-label="Deals by stage"
        role="region"
        onBlurCapture={(event) => {
          // Focus leaving a carried card (a click elsewhere, Tab) puts it back.
          if (carried && (event.target as HTMLElement).dataset.dealId === carried.deal.id) {
            setCarried(null);
            setAnnouncement(`Move cancelled. ${carried.deal.title} stays in ${stageName(carried.fromStageId)}`);
          }
        }}
      >
        {shown.columns.map((column) => (
          <BoardColumn
            key={column.stage.id}
            column={column}
            currency={currency}
            tabbableDealId={tabbableId}
            carried={carried}
            mouseDraggedId={mouseDraggedId}
            instructionsId={instructionsId}
            onOpen={onOpenDeal}
            onAdd={onAddDeal}
            onShowAll={onShowAll}
            onCardKeyDown={onCardKeyDown}
            onCardFocus={(deal) => setFocusedId(deal.id)}
            onMouseDrag={setMouseDraggedId}
            onDropDeal={dropDeal}
          />
        ))}
      </div>
      {carried ? (
        <div className="board-hint" aria-hidden="true">
          <strong>Moving {carried.deal.title}</strong> to {carriedOver}
          <span className="board-hint__keys">
            <kbd>←</kbd> <kbd>→</kbd> choose a stage · <kbd>Space</kbd> drop · <kbd>Esc</kbd> cancel
          </span>
        </div>
      ) : null}
      <div className="visually-hidden" role="status" aria-live="assertive" aria-label="Board announcements">
        {announcement}
      </div>
      {mover.prompt ? (
        <CloseReasonDialog deal={mover.prompt.deal} stage={mover.prompt.stage} onConfirm={mover.confirm} onCancel={mover.cancel} />
      ) : null}
    </div>
  );
}
