import { useId, useState, type KeyboardEvent } from 'react';
import type { ControlProps } from '../../ui/Field';
import { useDebounced } from './use-debounced';
import { useContactMatches } from './hooks';

export interface PickedContact {
  id: string;
  name: string;
}

interface ContactPickerProps extends ControlProps {
  value: PickedContact | null;
  onChange: (contact: PickedContact | null) => void;
}

/**
 * A combobox (ARIA 1.2, list autocomplete) over the contact search: type part of a name,
 * company, e-mail or phone, then choose with the arrows and Enter, or click.
 */
export function ContactPicker({ value, onChange, ...control }: ContactPickerProps) {
  const listId = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim(), 120);
  const matches = useContactMatches(open ? query : '');
  const options = open && matches.status === 'ready' ? matches.data : [];
  const activeIndex = Math.min(active, options.length - 1);

  const choose = (index: number) => {
    const option = options[index];
    if (!option) return;
    onChange({ id: option.id, name: option.name });
    setText(option.name);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (options.length === 0 ? 0 : (Math.max(0, current) + step + options.length) % options.length));
    } else if (event.key === 'Enter' && open && options.length > 0) {
      event.preventDefault();
      choose(Math.max(0, activeIndex));
    } else if (event.key === 'Escape' && open) {
      // Close the list, not the dialog around it.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  const activeOption = open && activeIndex >= 0 ? options[activeIndex] : undefined;

  return (
    <div className="pl-combobox">
      <input
        {...control}
        className="input"
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? `${listId}-${activeOption.id}` : undefined}
        autoComplete="off"
        placeholder="Search by name, company or phone"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
          if (value) onChange(null);
        }}
        onFocus={() => setOpen(!value)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Matching contacts" className="pl-combobox__list" hidden={!open || options.length === 0}>
        {options.map((option, index) => (
          <li
            key={option.id}
            id={`${listId}-${option.id}`}
            role="option"
            aria-selected={index === activeIndex}
            className="pl-combobox__option"
            // Keep focus in the input: a mousedown would blur it and close the list first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(index)}
          >
            <span className="pl-combobox__name">{option.name}</span>
            {option.company && option.kind === 'person' ? <span className="pl-combobox__sub">{option.company}</span> : null}
            {option.primaryPhone ? <span className="pl-combobox__sub">{option.primaryPhone}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
