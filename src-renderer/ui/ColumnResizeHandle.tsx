import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { maxColumnWidth, minColumnWidth } from '../../src-shared/domain/saved-view';
import { clampWidth } from './column-layout';
import './ColumnResizeHandle.css';

interface ColumnResizeHandleProps {
  /** The column's name: the handle reads "Resize Name column". */
  columnLabel: string;
  /** The column's width on screen now, in px. */
  width: number;
  /** While dragging: the width under the pointer; the grid draws it without saving it. */
  onDrag: (width: number) => void;
  /** The width to keep (pointer released, or a key pressed); null goes back to the column's own. */
  onCommit: (width: number | null) => void;
}

const step = 16;
const bigStep = 64;

/**
 * The right edge of a column header: drag it, or focus it (Tab) and press the arrow keys
 * (Shift for bigger steps); Delete or Backspace gives the column its own width back. A focusable
 * ARIA separator, so a screen reader says its name and the width it has.
 */
export function ColumnResizeHandle({ columnLabel, width, onDrag, onCommit }: ColumnResizeHandleProps) {
  const drag = useRef<{ startX: number; startWidth: number; width: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width, width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current.width = clampWidth(drag.current.startWidth + event.clientX - drag.current.startX);
    onDrag(drag.current.width);
  };
  const onPointerUp = () => {
    if (!drag.current) return;
    const { width: dragged } = drag.current;
    drag.current = null;
    onCommit(dragged);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const by = event.shiftKey ? bigStep : step;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => onCommit(clampWidth(width - by)),
      ArrowRight: () => onCommit(clampWidth(width + by)),
      Delete: () => onCommit(null),
      Backspace: () => onCommit(null),
    };
    const action = keys[event.key];
    if (!action) return;
    // The grid's rows listen for the arrow keys too; this key was meant for the handle.
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${columnLabel} column`}
      aria-valuenow={Math.round(width)}
      aria-valuemin={minColumnWidth}
      aria-valuemax={maxColumnWidth}
      tabIndex={0}
      className="column-resize"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onClick={(event) => event.stopPropagation()}
    />
  );
}
