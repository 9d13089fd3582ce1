import { memo, type Ref } from 'react';
import { contactStatuses } from '../../../src-shared/domain/contact';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { FilterBar } from '../../ui/FilterBar';
import { statusLabels } from '../../ui/format';
import { Segmented } from '../../ui/Segmented';
import { SelectField } from '../../ui/SelectField';
import { toOptions } from '../../ui/Select';
import { isNarrowed } from './contact-pages';
import { ContactSearchBox } from './ContactSearchBox';
import type { Facets } from './hooks';
import { useSegments } from '../segments/hooks';

const noTypes: readonly string[] = [];
const ownerLabels = { team: 'Team', mine: 'My contacts' };

interface ContactFiltersProps {
  searchRef: Ref<HTMLInputElement>;
  facets: Facets | null;
  /** Arrow down from the search box moves into the results. */
  onSearchArrowDown: () => void;
}

/** Memoised with stable props: a keystroke re-renders the search box inside, not these menus. */
export const ContactFilters = memo(function ContactFilters({ searchRef, facets, onSearchArrowDown }: ContactFiltersProps) {
  // Whether there is a search at all, not its text: this bar re-renders when a search starts or ends.
  const searching = useUi((state) => state.searchText !== '');
  const filters = useUi((state) => state.filters);
  const contactTypes = useUi((state) => state.settings?.contactTypes ?? noTypes);
  const setFilters = useUi((state) => state.setFilters);
  const clearSearchAndFilters = useUi((state) => state.clearSearchAndFilters);
  const segments = useSegments().latest ?? [];

  // Types in settings first, then any older ones still used by contacts.
  const typeOptions = [...new Set([...contactTypes, ...(facets?.contactTypes.map((facet) => facet.name) ?? [])])];
  const tags = facets?.tags ?? [];
  const tagOptions = [
    // A tag chosen before its last contact lost it stays choosable.
    ...(filters.tag && !tags.some((tag) => tag.name === filters.tag) ? [{ value: filters.tag, label: filters.tag }] : []),
    ...tags.map((tag) => ({ value: tag.name, label: `${tag.name} (${tag.count})` })),
  ];

  return (
    <FilterBar
      label="Find contacts"
      search={<ContactSearchBox inputRef={searchRef} onArrowDown={onSearchArrowDown} />}
    >
      {segments.length > 0 || filters.segmentId ? (
        <SelectField
          label="Segment"
          hideLabel
          size="sm"
          emptyOption="All contacts"
          options={segments.map((segment) => ({ value: segment.id, label: segment.name }))}
          value={filters.segmentId ?? ''}
          onChange={(segmentId) => setFilters({ segmentId: segmentId || undefined })}
        />
      ) : null}
      <SelectField
        label="Contact type"
        hideLabel
        size="sm"
        emptyOption="All types"
        options={toOptions(typeOptions)}
        value={filters.contactType ?? ''}
        onChange={(contactType) => setFilters({ contactType: contactType || undefined })}
      />
      <SelectField
        label="Status"
        hideLabel
        size="sm"
        emptyOption="Any status"
        options={toOptions(contactStatuses, statusLabels)}
        value={filters.status ?? ''}
        onChange={(status) => setFilters({ status: status || undefined })}
      />
      <SelectField label="Tag" hideLabel size="sm" emptyOption="Any tag" options={tagOptions} value={filters.tag ?? ''} onChange={(tag) => setFilters({ tag: tag || undefined })} />
      <Segmented label="Whose contacts" options={['team', 'mine'] as const} labels={ownerLabels} value={filters.owner} onChange={(owner) => setFilters({ owner })} />
      <Checkbox variant="chip" label="Follow-up due" checked={filters.followUpDue} onChange={(followUpDue) => setFilters({ followUpDue })} />
      {searching || isNarrowed({ query: '', filters }) ? (
        <Button variant="ghost" size="sm" onClick={clearSearchAndFilters}>
          Clear filters
        </Button>
      ) : null}
    </FilterBar>
  );
});
