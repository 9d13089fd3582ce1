import { callDirections } from '../../../src-shared/domain/call';
import { useUi } from '../../store';
import { ContactPicker } from '../contacts/ContactPicker';
import { directionLabels } from './call-format';
import { noCallFilters, type CallFilters } from './call-pages';

const noOutcomes: readonly string[] = [];

interface CallFiltersBarProps {
  filters: CallFilters;
  onChange: (filters: CallFilters) => void;
  /** Bumped by "Clear filters" so the contact box forgets what was typed in it. */
  resetKey: number;
  onClear: () => void;
}

export function CallFiltersBar({ filters, onChange, resetKey, onClear }: CallFiltersBarProps) {
  const outcomes = useUi((state) => state.settings?.callDispositions ?? noOutcomes);
  const set = (patch: Partial<CallFilters>) => onChange({ ...filters, ...patch });
  const anyFilter = JSON.stringify(filters) !== JSON.stringify(noCallFilters);

  return (
    <div className="filters" role="search" aria-label="Filter calls">
      <div className="filters__row">
        <label className="date-filter">
          <span>From</span>
          <input type="date" value={filters.from} max={filters.to || undefined} onChange={(event) => set({ from: event.target.value })} />
        </label>
        <label className="date-filter">
          <span>To</span>
          <input type="date" value={filters.to} min={filters.from || undefined} onChange={(event) => set({ to: event.target.value })} />
        </label>
        <label className="select-filter">
          <span className="visually-hidden">Direction</span>
          <select value={filters.direction} onChange={(event) => set({ direction: event.target.value as CallFilters['direction'] })}>
            <option value="">Any direction</option>
            {callDirections.map((direction) => (
              <option key={direction} value={direction}>
                {directionLabels[direction]}
              </option>
            ))}
          </select>
        </label>
        <label className="select-filter">
          <span className="visually-hidden">Outcome</span>
          <select value={filters.disposition} onChange={(event) => set({ disposition: event.target.value })}>
            <option value="">Any outcome</option>
            {outcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {outcome.charAt(0).toUpperCase() + outcome.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <div className="contact-filter">
          <label htmlFor="call-contact-filter" className="visually-hidden">
            Contact
          </label>
          <ContactPicker
            key={resetKey}
            id="call-contact-filter"
            aria-invalid={undefined}
            aria-describedby={undefined}
            placeholder="Any contact"
            value={filters.contact}
            onChange={(contact) => set({ contact })}
          />
        </div>
        <label className="toggle-filter">
          <input type="checkbox" checked={filters.unansweredOnly} onChange={(event) => set({ unansweredOnly: event.target.checked })} />
          <span>Unanswered only</span>
        </label>
        {anyFilter ? (
          <button type="button" className="button button--ghost button--small" onClick={onClear}>
            Clear filters
          </button>
        ) : null}
      </div>
    </div>
  );
}
