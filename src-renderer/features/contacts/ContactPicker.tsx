import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { api } from '../../api';
import type { ControlProps } from '../../ui/Field';
import { useDebouncedValue } from './hooks';

export interface PickedContact {
  id: string;
  name: string;
}

interface ContactPickerProps extends ControlProps {
  value: PickedContact | null;
  onChange: (contact: PickedContact | null) => void;
  placeholder?: string;
}

interface Option extends PickedContact {
  company: string;
}

/**
 * Choose a contact by typing part of a name, company, phone or e-mail: the ARIA combobox pattern
 * with a listbox popup. Arrow keys move through matches, Enter picks, Escape closes the list (and
 * a second Escape clears the choice).
 */
export function ContactPicker({ value, onChange, placeholder = 'Type a name, company or number', ...control }: ContactPickerProps) {
  const listId = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [options, setOptions] = useState<Option[]>([]);
  const query = useDebouncedValue(text.trim(), 120);

  useEffect(() => {
    if (!open || query === '' || query === value?.name) return;
    let live = true;
    api
      .invoke('contacts.list', { query, limit: 8, sort: { field: 'name', direction: 'asc' } })
      .then(
        (page) => {
          if (!live) return;
          setOptions(page.items.map(({ id, name, company }) => ({ id, name, company })));
          setActive(0);
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [query, open, value?.name]);

  const shown = open && text.trim() !== '' && text !== value?.name ? options : [];
  const optionId = (index: number) => `${listId}-option-${index}`;

  const pick = (option: Option) => {
    onChange({ id: option.id, name: option.name });
    setText(option.name);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (shown.length > 0) setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : -1) + shown.length) % shown.length);
    } else if (event.key === 'Enter' && shown.length > 0) {
      event.preventDefault();
      const option = shown[active];
      if (option) pick(option);
    } else if (event.key === 'Escape') {
      if (shown.length > 0) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
      } else if (value) {
        event.preventDefault();
        event.stopPropagation();
        onChange(null);
        setText('');
      }
    }
  };

  return (
    <div className="combobox">
      <input
        {...control}
        className="input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-activedescendant={shown.length > 0 ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          if (value) onChange(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label="Matching contacts" className="combobox__list" hidden={shown.length === 0}>
        {shown.map((option, index) => (
          <li
            key={option.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="combobox__option"
            // Picked on mousedown: a click would first blur the input and close the list.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(option);
            }}
            onMouseEnter={() => setActive(index)}
          >
            <span className="combobox__name">{option.name}</span>
            {option.company ? <span className="combobox__sub">{option.company}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
