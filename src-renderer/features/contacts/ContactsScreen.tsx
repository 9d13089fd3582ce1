import { useEffect, useRef, type RefObject } from 'react';
import { useUi } from '../../store';
import { EmptyState } from '../../ui/EmptyState';
import { formatCount, formatNumber } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { PageTitle } from '../../ui/PageTitle';
import { ContactFilters } from './ContactFilters';
import { ContactList, type ContactListHandle } from './ContactList';
import { useContactPages, useFacets, useListRequest } from './hooks';
import { NameHint } from './NameHint';

export function ContactsScreen() {
  const navigate = useUi((state) => state.navigate);
  const userName = useUi((state) => state.settings?.userName ?? '');
  const nameHintDismissed = useUi((state) => state.nameHintDismissed);
  const clearSearchAndFilters = useUi((state) => state.clearSearchAndFilters);
  const request = useListRequest();
  const { pages, snapshot } = useContactPages(request);
  const facets = useFacets();
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<ContactListHandle>(null);
  useSlashFocuses(searchRef);

  const { filters } = request;
  const narrowed =
    request.query !== '' || !!filters.contactType || !!filters.status || !!filters.tag || filters.owner === 'mine' || filters.followUpDue;
  const total = snapshot.total;
  const countText =
    total === null
      ? 'Loading contacts…'
      : narrowed && facets && facets.total !== total
        ? `${formatNumber(total)} of ${formatCount(facets.total, 'contact')}`
        : formatCount(total, 'contact');
  const settled = total !== null && !snapshot.stale;
  const addContact = () => navigate({ name: 'contactNew' });

  let body;
  if (total === null) {
    body = <div className="list-loading" aria-hidden="true" />;
  } else if (total === 0 && settled && !snapshot.failed && !narrowed) {
    body = (
      <EmptyState
        icon="contacts"
        title="No contacts yet"
        action={
          <button type="button" className="button button--primary" onClick={addContact}>
            <Icon name="plus" /> Add your first contact
          </button>
        }
      >
        <p>
          Keep every customer, lead and supplier in one place: their phones and e-mails, what they are worth and when to
          call them back. Everything stays on this computer, and works without internet.
        </p>
      </EmptyState>
    );
  } else if (total === 0 && !snapshot.failed) {
    body = (
      <EmptyState
        icon="search"
        title={request.query ? `No contacts match “${request.query}”` : 'No contacts match these filters'}
        action={
          <button type="button" className="button" onClick={clearSearchAndFilters}>
            Clear search and filters
          </button>
        }
      >
        <p>Search looks at names, companies, e-mails, tags and any part of a phone number. Try fewer letters, or widen the filters.</p>
      </EmptyState>
    );
  } else {
    body = (
      <ContactList
        pages={pages}
        snapshot={snapshot}
        handleRef={listRef}
        onExitTop={() => searchRef.current?.focus()}
      />
    );
  }

  return (
    <div className="screen screen--list">
      <header className="page-header">
        <div>
          <PageTitle>Contacts</PageTitle>
          <p className="page-header__meta" aria-live="polite">
            {countText}
          </p>
        </div>
        <button type="button" className="button button--primary" onClick={addContact}>
          <Icon name="plus" /> Add contact
        </button>
      </header>
      {!userName && !nameHintDismissed ? <NameHint /> : null}
      {/* Nothing to search or filter before the first contact exists. */}
      {total === 0 && !narrowed && settled ? null : (
        <ContactFilters searchRef={searchRef} facets={facets} onSearchArrowDown={() => listRef.current?.focusActiveRow()} />
      )}
      {body}
    </div>
  );
}

/** "/" jumps to the search box from anywhere on the screen, unless the user is typing. */
function useSlashFocuses(searchRef: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [searchRef]);
}
