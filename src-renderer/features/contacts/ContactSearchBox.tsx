import type { KeyboardEvent, Ref } from 'react';
import { useUi } from '../../store';
import { SearchBox } from '../../ui/SearchBox';

interface ContactSearchBoxProps {
  inputRef: Ref<HTMLInputElement>;
  /** Arrow down from the search box moves into the results. */
  onArrowDown: () => void;
}

/**
 * The contacts search box: the only component that reads the search text, so a keystroke
 * re-renders it alone (the list's request leaves from the store's subscription in
 * useContactRows, and the screen re-renders when the answer lands).
 */
export function ContactSearchBox({ inputRef, onArrowDown }: ContactSearchBoxProps) {
  const searchText = useUi((state) => state.searchText);
  const setSearchText = useUi((state) => state.setSearchText);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onArrowDown();
    } else if (event.key === 'Escape' && searchText) {
      event.preventDefault();
      setSearchText('');
    }
  };

  return (
    <SearchBox
      label="Search contacts"
      placeholder="Search names, companies, phones, e-mails, tags…"
      shortcut="/"
      inputRef={inputRef}
      value={searchText}
      onChange={setSearchText}
      onKeyDown={onKeyDown}
    />
  );
}
