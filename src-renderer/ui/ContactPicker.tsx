import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatPhone } from '../../src-shared/phone';
import { api } from '../api';
import type { ControlProps } from './Field';
import { useDebouncedValue } from './use-debounced-value';
import { useLiveData } from './use-live-data';
import './ContactPicker.css';

export interface PickedContact {
  id: string;
  name: string;
  /** Their first phone (E.164), when picked from the matches: a form that needs a number can start with it. */
  primaryPhone?: string | null;
}

export interface ContactPickerProps extends ControlProps {
  value: PickedContact | null;
  onChange: (contact: PickedContact | null) => void;
  placeholder?: string;
  /** sm for filter bars. */
  size?: 'sm' | 'md';
  /** Start with the focus in a dialog (see useModalDialog). */
  'data-autofocus'?: boolean | undefined;
}

const matchCount = 8;

/**
 * Choose a contact by typing part of a name, company, phone or e-mail: the ARIA combobox pattern
 * (list autocomplete). Focus or typing opens the matches; the arrows move, Enter or a click picks,
 * Escape closes the list, and a second Escape clears the choice. Inside a Field:
 *   <Field label="Contact">{(control) => <ContactPicker {...control} value={contact} onChange={setContact} />}</Field>
 */
export function ContactPicker({ value, onChange, placeholder = 'Type a name, company or number', size = 'md', ...control }: ContactPickerProps) {
  const listId = useId();
  const [text, setText] = useState(value?.name ?? '');
  // A contact chosen from outside (a suggestion's "Use" button) shows its name, as one picked here does.
  const [shownId, setShownId] = useState(value?.id ?? null);
  if ((value?.id ?? null) !== shownId) {
    setShownId(value?.id ?? null);
    if (value) setText(value.name);
  }
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Enter pressed before the matches of what was typed arrived: picked when they do, never from
  // the previous query's list still on screen.
  const pickWhenFresh = useRef(false);
  const query = useDebouncedValue(text.trim(), 120);
  // Asked from the start (not only once open), so the first matches are there when the list opens.
  const matches = useLiveData(
    `contact-picker:${query}`,
    async () => (await api.invoke('contacts.list', { query, limit: matchCount, sort: { field: 'name', direction: 'asc' } })).items,
    { reportErrors: false },
  );
  // While the next query is asked, the matches of the last one stay listed: no flicker as the user types.
  const options = open && text !== value?.name ? (matches.data ?? matches.latest ?? []) : [];
  const activeIndex = Math.max(0, Math.min(active, options.length - 1));
  const optionId = (index: number) => `${listId}-option-${index}`;
  const fresh = query === text.trim() && matches.status !== 'loading';

  const pick = (index: number) => {
    const option = options[index];
    if (!option) return;
    onChange({ id: option.id, name: option.name, ...(option.primaryPhone ? { primaryPhone: option.primaryPhone } : {}) });
    setText(option.name);
    setOpen(false);
  };

  useEffect(() => {
    if (!pickWhenFresh.current || !fresh) return;
    pickWhenFresh.current = false;
    pick(activeIndex);
    // Runs when the fresh matches arrive; pick and activeIndex are read as they are then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fresh]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(options.length === 0 ? 0 : (activeIndex + step + options.length) % options.length);
    } else if (event.key === 'Enter' && open && text !== value?.name && (options.length > 0 || !fresh)) {
      event.preventDefault();
      if (fresh) pick(activeIndex);
      else pickWhenFresh.current = true;
    } else if (event.key === 'Escape' && (options.length > 0 || value)) {
      // Close the list (or clear the choice), not the dialog around it.
      event.preventDefault();
      event.stopPropagation();
      if (options.length > 0) {
        setOpen(false);
      } else {
        onChange(null);
        setText('');
      }
    }
  };

  return (
    <div className="contact-picker">
      <input
        {...control}
        className={size === 'sm' ? 'input input--sm' : 'input'}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-activedescendant={options.length > 0 ? optionId(activeIndex) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          pickWhenFresh.current = false;
          setOpen(true);
          if (value) onChange(null);
        }}
        onFocus={() => setOpen(!value)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Matching contacts" className="contact-picker__list" hidden={options.length === 0}>
        {options.map((option, index) => (
          <li
            key={option.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className="contact-picker__option"
            // Picked on mousedown: a click would first blur the input and close the list.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(index);
            }}
            onMouseEnter={() => setActive(index)}
          >
            <span className="contact-picker__name">{option.name}</span>
            <span className="contact-picker__detail">
              {[option.kind === 'person' ? option.company : '', option.primaryPhone ? formatPhone(option.primaryPhone) : ''].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
