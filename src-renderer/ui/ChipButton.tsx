import type { ButtonHTMLAttributes } from 'react';
import './ChipButton.css';

/**
 * A small rounded button for quick picks and filters; with `pressed` it toggles (aria-pressed).
 *   <ChipButton pressed={kinds.includes('note')} onClick={toggle}>Notes</ChipButton>
 */
export function ChipButton({ pressed, ...button }: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className'> & { pressed?: boolean }) {
  return <button type="button" className="chip-button" aria-pressed={pressed} {...button} />;
}
