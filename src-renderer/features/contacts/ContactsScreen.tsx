import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import type { ContactListItem } from '../../../src-shared/domain/contact';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Cluster } from '../../ui/Cluster';
import { EmptyState } from '../../ui/EmptyState';
import { formatCount, formatNumber } from '../../ui/format';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { Screen } from '../../ui/Screen';
import { useNow } from '../../ui/use-now';
import { VirtualGrid, type VirtualGridHandle } from '../../ui/VirtualGrid';
import { contactColumns } from './contact-columns';
import { contactListOfView, contactViewState, plainContactView } from './contact-view';
import { useListGrid } from '../views/use-list-grid';
import { isNarrowed } from './contact-pages';
import { ContactFilters } from './ContactFilters';
import { useContactRows, useFacets, useShownOnce } from './hooks';
import { NameHint } from './NameHint';
import { matches } from '../shortcuts/shortcuts';
import './contacts.css';
import { WhenAllowed } from '../access/WhenAllowed';
import { useContactSelection } from '../bulk/use-contact-selection';

export function ContactsScreen() {
  const navigate = useUi((state) => state.navigate);
  const userName = useUi((state) => state.settings?.userName ?? '');
  const nameHintDismissed = useUi((state) => state.nameHintDismissed);
  const clearSearchAndFilters = useUi((state) => state.clearSearchAndFilters);
  const sort = useUi((state) => state.sort);
  const toggleSort = useUi((state) => state.toggleSort);
  const activeRow = useUi((state) => state.activeRow);
  const setActiveRow = useUi((state) => state.setActiveRow);
  const rememberListScroll = useUi((state) => state.rememberListScroll);
  // The request of the rows shown, not the search box's text: a keystroke does not render this screen.
  const { rows, snapshot, request } = useContactRows();
  // The facets are counts over every contact: at the app's opening, with the core's cache cold,
  // they took it 0.4–0.9 s at 100k while the first rows were being drawn, so they are asked for
  // once those rows are on screen (the filter menus and the "of N" count wait for them anyway).
  const facets = useFacets(useShownOnce(snapshot.total !== null));
  const now = useNow();
  const columns = useMemo(() => contactColumns(now), [now]);
  const filters = useUi((state) => state.filters);
  const applyListView = useUi((state) => state.applyListView);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<VirtualGridHandle>(null);
  useSlashFocuses(searchRef);
  const focusActiveRow = useCallback(() => gridRef.current?.focusActiveRow(), []);
  const bulk = useContactSelection({ rows, snapshot, request, facets, userName });
  const list = useListGrid({
    listId: 'contacts',
    label: 'Contacts',
    columns,
    bulk,
    plainLabel: 'All contacts',
    plain: plainContactView,
    viewState: (layout) => contactViewState(filters, sort, layout),
    onApplyView: (state) => {
      const { filters: viewFilters, sort: viewSort } = contactListOfView(state);
      applyListView(viewFilters, viewSort);
    },
  });

  const narrowed = isNarrowed(request);
  const total = snapshot.total;
  const countText =
    total === null
      ? 'Loading contacts…'
      : narrowed && facets && facets.total !== total
        ? `${formatNumber(total)} of ${formatCount(facets.total, 'contact')}`
        : formatCount(total, 'contact');
  // `request` is the one these rows answer, so an empty answer to no search means no contacts.
  const settled = total !== null;
  const addContact = () => navigate({ name: 'contactNew' });

  let body;
  if (total === null) {
    body = <LoadingState label="Loading contacts…" size="block" />;
  } else if (total === 0 && settled && !snapshot.failed && !narrowed) {
    body = (
      <EmptyState
        icon="contacts"
        title="No contacts yet"
        action={
          <WhenAllowed>
            <Cluster justify="center">
              <Button icon="upload" onClick={() => navigate({ name: 'exchange' })}>
                Import contacts
              </Button>
              <Button variant="primary" icon="plus" onClick={addContact}>
                Add your first contact
              </Button>
            </Cluster>
          </WhenAllowed>
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
        action={<Button onClick={clearSearchAndFilters}>Clear search and filters</Button>}
      >
        <p>Search looks at names, companies, e-mails, tags and any part of a phone number. Try fewer letters, or widen the filters.</p>
      </EmptyState>
    );
  } else {
    body = (
      <VirtualGrid<ContactListItem, typeof request, typeof sort.field>
        {...list.grid}
        rows={rows}
        snapshot={snapshot}
        rowHeight={56}
        sort={sort}
        onSort={toggleSort}
        onOpen={(item) => navigate({ name: 'contact', id: item.id })}
        activeRow={activeRow}
        onActiveRowChange={setActiveRow}
        initialScrollOffset={useUi.getState().listScrollOffset}
        onScrollOffsetChange={rememberListScroll}
        onExitTop={() => searchRef.current?.focus()}
        handleRef={gridRef}
      />
    );
  }

  return (
    <Screen width="wide" fill>
      <PageHeader
        title="Contacts"
        meta={countText}
        metaLive
        actions={
          <>
            {list.chooser}
            <WhenAllowed>
              <Button variant="primary" icon="plus" onClick={addContact}>
                Add contact
              </Button>
            </WhenAllowed>
          </>
        }
      />
      {!userName && !nameHintDismissed ? <NameHint /> : null}
      {list.frame(
        // Nothing to search or filter before the first contact exists.
        total === 0 && !narrowed && settled ? null : (
          <ContactFilters searchRef={searchRef} facets={facets} onSearchArrowDown={focusActiveRow} />
        ),
        body,
      )}
    </Screen>
  );
}

/** "/" jumps to the search box from anywhere on the screen, unless the user is typing. */
function useSlashFocuses(searchRef: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!matches('focusSearch', event)) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [searchRef]);
}
