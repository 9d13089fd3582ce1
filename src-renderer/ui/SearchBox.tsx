import type { KeyboardEvent, Ref } from 'react';
import { Icon } from './Icon';
import './SearchBox.css';

export interface SearchBoxProps {
  /** The accessible name: "Search contacts". */
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** A key shown at the right while the box is empty and not focused ("/"). */
  shortcut?: string;
  inputRef?: Ref<HTMLInputElement>;
  id?: string;
}

/** The big search box at the top of a list: <SearchBox label="Search contacts" placeholder="Search names…" value={text} onChange={setText} />. */
export function SearchBox({ label, placeholder, value, onChange, onKeyDown, shortcut, inputRef, id }: SearchBoxProps) {
  return (
    <div className="search-box">
      <Icon name="search" />
      <input
        id={id}
        ref={inputRef}
        type="search"
        aria-label={label}
        className="search-box__input"
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {shortcut ? (
        <kbd className="search-box__shortcut" aria-hidden="true">
          {shortcut}
        </kbd>
      ) : null}
    </div>
  );
}
