import { useEffect, useRef, type MouseEvent } from 'react';
import './SelectCell.css';

/**
 * A row's checkbox in a grid: "Select Ruth Hartley". Out of the tab order (the row has the focus
 * and Space ticks it); a click ticks it without opening the row, shift-click extends a range.
 */
export function SelectCell({ label, checked, onToggle }: { label: string; checked: boolean; onToggle: (range: boolean) => void }) {
  return (
    <input
      type="checkbox"
      className="select-cell"
      aria-label={label}
      tabIndex={-1}
      checked={checked}
      // The change is made on click, where shift is known; onChange only keeps React's control quiet.
      onChange={() => {}}
      onClick={(event: MouseEvent<HTMLInputElement>) => {
        event.stopPropagation();
        onToggle(event.shiftKey);
      }}
    />
  );
}

/** The header's checkbox: every loaded row, mixed when some of them are selected. */
export function SelectPageCell({ label, state, onToggle }: { label: string; state: 'all' | 'some' | 'none'; onToggle: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return <input ref={ref} type="checkbox" className="select-cell" aria-label={label} checked={state === 'all'} onChange={onToggle} />;
}
