import type { KeyboardEvent, Ref } from 'react';
import { contactStatuses, type ContactStatus } from '../../../src-shared/domain/contact';
import { useUi } from '../../store';
import { capitalise, statusLabels } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import type { Facets } from './hooks';

const noTypes: readonly string[] = [];

interface ContactFiltersProps {
  searchRef: Ref<HTMLInputElement>;
  facets: Facets | null;
  /** Arrow down from the search box moves into the results. */
  onSearchArrowDown: () => void;
}

export function ContactFilters({ searchRef, facets, onSearchArrowDown }: ContactFiltersProps) {
  const searchText = useUi((state) => state.searchText);
  const filters = useUi((state) => state.filters);
  const contactTypes = useUi((state) => state.settings?.contactTypes ?? noTypes);
  const setSearchText = useUi((state) => state.setSearchText);
  const setFilters = useUi((state) => state.setFilters);
  const clearSearchAndFilters = useUi((state) => state.clearSearchAndFilters);

  // Types in settings first, then any older ones still used by contacts.
  const typeOptions = [...new Set([...contactTypes, ...(facets?.contactTypes.map((facet) => facet.name) ?? [])])];
  const tagOptions = facets?.tags ?? [];
  const anyFilter =
    searchText !== '' || filters.contactType || filters.status || filters.tag || filters.owner === 'mine' || filters.followUpDue;

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onSearchArrowDown();
    } else if (event.key === 'Escape' && searchText) {
      event.preventDefault();
      setSearchText('');
    }
  };

  return (
    <div className="filters" role="search" aria-label="Find contacts">
      <div className="search-box">
        <Icon name="search" />
        <label htmlFor="contact-search" className="visually-hidden">
          Search contacts
        </label>
        <input
          id="contact-search"
          ref={searchRef}
          type="search"
          className="search-box__input"
          placeholder="Search names, companies, phones, e-mails, tags…"
          autoComplete="off"
          spellCheck={false}
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          onKeyDown={onSearchKeyDown}
        />
        <kbd className="search-box__hint" aria-hidden="true">
          /
        </kbd>
      </div>
      <div className="filters__row">
        <label className="select-filter">
          <span className="visually-hidden">Contact type</span>
          <select
            value={filters.contactType ?? ''}
            onChange={(event) => setFilters({ contactType: event.target.value || undefined })}
          >
            <option value="">All types</option>
            {typeOptions.map((type) => (
              <option key={type} value={type}>
                {capitalise(type)}
              </option>
            ))}
          </select>
        </label>
        <label className="select-filter">
          <span className="visually-hidden">Status</span>
          <select
            value={filters.status ?? ''}
            onChange={(event) => setFilters({ status: (event.target.value || undefined) as ContactStatus | undefined })}
          >
            <option value="">Any status</option>
            {contactStatuses.map((status) => (
              <option key={status} value={status}>
                {statusLabels[status]}
              </option>
            ))}
          </select>
        </label>
        <label className="select-filter">
          <span className="visually-hidden">Tag</span>
          <select value={filters.tag ?? ''} onChange={(event) => setFilters({ tag: event.target.value || undefined })}>
            <option value="">Any tag</option>
            {filters.tag && !tagOptions.some((tag) => tag.name === filters.tag) ? (
              <option value={filters.tag}>{filters.tag}</option>
            ) : null}
            {tagOptions.map((tag) => (
              <option key={tag.name} value={tag.name}>
                {tag.name} ({tag.count})
              </option>
            ))}
          </select>
        </label>
        <fieldset className="segmented">
          <legend className="visually-hidden">Whose contacts</legend>
          {(
            [
              ['team', 'Team'],
              ['mine', 'My contacts'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="segmented__option">
              <input
                type="radio"
                name="owner-filter"
                value={value}
                checked={filters.owner === value}
                onChange={() => setFilters({ owner: value })}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
        <label className="toggle-filter">
          <input
            type="checkbox"
            checked={filters.followUpDue}
            onChange={(event) => setFilters({ followUpDue: event.target.checked })}
          />
          <span>Follow-up due</span>
        </label>
        {anyFilter ? (
          <button type="button" className="button button--ghost button--small" onClick={clearSearchAndFilters}>
            Clear filters
          </button>
        ) : null}
      </div>
    </div>
  );
}
