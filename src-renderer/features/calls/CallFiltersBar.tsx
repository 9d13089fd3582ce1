import { callDirections } from '../../../src-shared/domain/call';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { ContactPicker } from '../../ui/ContactPicker';
import { Field } from '../../ui/Field';
import { FilterBar } from '../../ui/FilterBar';
import { toOptions } from '../../ui/Select';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { directionLabels } from './call-format';
import { isFiltered, type CallFilters } from './call-pages';
import { useCallTagsInUse } from './hooks';

const noOutcomes: string[] = [];

interface CallFiltersBarProps {
  filters: CallFilters;
  onChange: (filters: CallFilters) => void;
  /** Bumped by "Clear filters" so the contact box forgets what was typed in it. */
  resetKey: number;
  onClear: () => void;
}

export function CallFiltersBar({ filters, onChange, resetKey, onClear }: CallFiltersBarProps) {
  const outcomes = useUi((state) => state.settings?.callDispositions ?? noOutcomes);
  const tagsInUse = useCallTagsInUse().latest ?? noOutcomes;
  // A view's tag that no call carries any more still shows as chosen.
  const tagOptions = filters.tag && !tagsInUse.includes(filters.tag) ? [filters.tag, ...tagsInUse] : tagsInUse;
  const set = (patch: Partial<CallFilters>) => onChange({ ...filters, ...patch });

  return (
    <FilterBar label="Filter calls">
      <TextField label="From" type="date" className="call-filters__date" value={filters.from} max={filters.to || undefined} onChange={(from) => set({ from })} />
      <TextField label="To" type="date" className="call-filters__date" value={filters.to} min={filters.from || undefined} onChange={(to) => set({ to })} />
      <SelectField
        label="Direction"
        hideLabel
        size="sm"
        emptyOption="Any direction"
        options={toOptions(callDirections, directionLabels)}
        value={filters.direction}
        onChange={(direction) => set({ direction })}
      />
      <SelectField label="Outcome" hideLabel size="sm" emptyOption="Any outcome" options={toOptions(outcomes)} value={filters.disposition} onChange={(disposition) => set({ disposition })} />
      <Field label="Contact" hideLabel className="call-filters__contact">
        {(control) => <ContactPicker key={resetKey} {...control} size="sm" placeholder="Any contact" value={filters.contact} onChange={(contact) => set({ contact })} />}
      </Field>
      <SelectField label="Tag" hideLabel size="sm" emptyOption="Any tag" options={tagOptions.map((tag) => ({ value: tag, label: tag }))} value={filters.tag} onChange={(tag) => set({ tag })} />
      <Checkbox variant="chip" label="Unanswered only" checked={filters.unansweredOnly} onChange={(unansweredOnly) => set({ unansweredOnly })} />
      {isFiltered(filters) ? (
        <Button variant="ghost" size="sm" onClick={onClear}>
          Clear filters
        </Button>
      ) : null}
    </FilterBar>
  );
}
