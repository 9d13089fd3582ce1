import { Button } from '../../ui/Button';
import { FilterBar } from '../../ui/FilterBar';
import { SearchBox } from '../../ui/SearchBox';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { isFiltered, recordKinds, type AuditScreenFilters } from './audit-filters';

interface AuditFiltersBarProps {
  filters: AuditScreenFilters;
  /** Everyone with a change in the log. */
  members: readonly string[];
  onChange: (filters: AuditScreenFilters) => void;
  onClear: () => void;
}

const kindOptions = Object.entries(recordKinds)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label));

export function AuditFiltersBar({ filters, members, onChange, onClear }: AuditFiltersBarProps) {
  const set = (patch: Partial<AuditScreenFilters>) => onChange({ ...filters, ...patch });
  return (
    <FilterBar
      label="Filter the audit trail"
      search={<SearchBox label="Search records" placeholder="A contact’s name, a company, a deal…" value={filters.record} onChange={(record) => set({ record })} />}
    >
      <SelectField
        label="Member"
        hideLabel
        size="sm"
        emptyOption="Every member"
        options={members.map((member) => ({ value: member, label: member }))}
        value={filters.member}
        onChange={(member) => set({ member })}
      />
      <SelectField label="Kind of record" hideLabel size="sm" emptyOption="Every kind of record" options={kindOptions} value={filters.table} onChange={(table) => set({ table })} />
      <TextField label="From" type="date" className="audit-filters__date" value={filters.from} max={filters.to || undefined} onChange={(from) => set({ from })} />
      <TextField label="To" type="date" className="audit-filters__date" value={filters.to} min={filters.from || undefined} onChange={(to) => set({ to })} />
      {isFiltered(filters) ? (
        <Button variant="ghost" size="sm" onClick={onClear}>
          Clear filters
        </Button>
      ) : null}
    </FilterBar>
  );
}
