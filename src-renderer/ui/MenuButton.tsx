import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { buttonClassName } from './Button';
import './MenuButton.css';

export interface MenuItem {
  label: string;
  /** Shown after the label, e.g. the time a snooze preset lands on. */
  hint?: string;
  onSelect: () => void;
}

interface MenuButtonProps {
  /** The button's accessible name; `children` is what it shows. */
  label: string;
  children: ReactNode;
  items: readonly MenuItem[];
  className?: string;
  align?: 'start' | 'end';
}

/**
 * The ARIA menu button: Enter, Space or ArrowDown opens the menu on its first item, the arrow
 * keys, Home and End move, Enter picks, Escape closes back to the button, Tab or a click outside closes.
 */
export function MenuButton({ label, children, items, className, align = 'end' }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);

  const itemAt = (index: number) => menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[index];

  useEffect(() => {
    if (!open) return;
    itemAt(0)?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const focusable = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = focusable.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: focusable.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      focusable[((moves[event.key] ?? 0) + focusable.length) % focusable.length]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="menu-button">
      <button
        ref={buttonRef}
        type="button"
        className={className ?? buttonClassName('secondary', 'sm')}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((current) => !current)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {children}
      </button>
      {open ? (
        <ul ref={menuRef} id={menuId} role="menu" aria-label={label} className={`menu menu--${align}`} onKeyDown={onMenuKeyDown}>
          {items.map((item) => (
            <li key={item.label} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu__item"
                onClick={() => {
                  close(true);
                  item.onSelect();
                }}
              >
                <span>{item.label}</span>
                {item.hint ? <span className="menu__hint">{item.hint}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
