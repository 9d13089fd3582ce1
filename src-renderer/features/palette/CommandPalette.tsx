import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { api } from '../../api';
import { useUi } from '../../store';
import { Icon } from '../../ui/Icon';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { useLiveData } from '../../ui/use-live-data';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { useAccess } from '../access/access';
import { paletteItems, type PaletteGroup, type PaletteItem } from './palette-items';
import { lockNow } from '../lock/lock-state';
import './palette.css';

/**
 * Ctrl/Cmd+K: jump to any contact (or a note that mentions what was typed), any screen, or start
 * something new. A modal dialog holding the ARIA combobox pattern: focus stays in the box, the
 * arrow keys move the active option, Enter runs it, Escape closes and focus goes back.
 */
export function CommandPalette() {
  const setPaletteOpen = useUi((state) => state.setPaletteOpen);
  const navigate = useUi((state) => state.navigate);
  const openDialog = useUi((state) => state.openDialog);
  const showError = useUi((state) => state.showError);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const query = useDebouncedValue(text.trim(), 80);
  // What was found for the last query stays listed while the next one is asked, so the list does not flash.
  const search = useLiveData(query ? `palette:${query}` : null, () => api.invoke('search.global', { query, limit: 8 }), { reportErrors: false });

  useModalDialog(dialogRef, () => setPaletteOpen(false));

  const access = useAccess();
  const items = paletteItems(text, text.trim() ? (search.latest ?? null) : null, access);
  const current = Math.min(active, Math.max(0, items.length - 1));
  const optionId = (item: PaletteItem) => `${listId}-${item.id}`;

  const run = (item: PaletteItem) => {
    setPaletteOpen(false);
    if ('route' in item.action) navigate(item.action.route);
    else if ('dialog' in item.action) openDialog(item.action.dialog);
    else lockNow().catch(showError);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, PageDown: items.length - 1, PageUp: 0 };
    if (event.key in moves && items.length > 0) {
      event.preventDefault();
      const next = ((moves[event.key] ?? 0) + items.length) % items.length;
      setActive(next);
      const item = items[next];
      if (item) document.getElementById(optionId(item))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = items[current];
      if (item) run(item);
    }
  };

  const groups = [...new Set(items.map((item) => item.group))] as PaletteGroup[];
  const waiting = text.trim() !== '' && (query !== text.trim() || search.status === 'loading');

  return (
    <dialog ref={dialogRef} className="palette" aria-label="Command palette">
      <div className="palette__search">
        <Icon name="search" />
        <input
          className="palette__input"
          role="combobox"
          aria-label="Search contacts, deals, quotes, notes and e-mails, or type a command"
          aria-expanded={items.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={items[current] ? optionId(items[current]) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder="Search contacts, deals, quotes, notes and e-mails, or type a command…"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <kbd className="palette__key">Esc</kbd>
      </div>
      <div id={listId} role="listbox" aria-label="Results" className="palette__list">
        {groups.map((group) => (
          <div key={group} role="group" aria-label={group} className="palette__group">
            <div className="palette__group-title caps-label" aria-hidden="true">
              {group}
            </div>
            {items
              .filter((item) => item.group === group)
              .map((item) => {
                const index = items.indexOf(item);
                return (
                  <div
                    key={item.id}
                    id={optionId(item)}
                    role="option"
                    aria-selected={index === current}
                    className="palette__option"
                    onMouseMove={() => setActive(index)}
                    onClick={() => run(item)}
                  >
                    <Icon name={item.icon} size={16} />
                    <span className="palette__label truncate">{item.label}</span>
                    {item.detail ? <span className="palette__detail meta truncate">{item.detail}</span> : null}
                  </div>
                );
              })}
          </div>
        ))}
        {items.length === 0 && !waiting ? <p className="palette__empty">Nothing matches “{text.trim()}”.</p> : null}
      </div>
      <p className="visually-hidden" role="status">
        {text.trim() && !waiting ? `${items.length} ${items.length === 1 ? 'result' : 'results'}` : ''}
      </p>
      <p className="palette__footer" aria-hidden="true">
        <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close
      </p>
    </dialog>
  );
}
