import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { IconButton } from '../../ui/IconButton';
import { toOptions } from '../../ui/Select';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { durationUnits, emptySlaRule, type DurationUnit, type SettingsErrors, type SlaRuleRow } from './settings-form';

interface SlaRulesEditorProps {
  rows: SlaRuleRow[];
  errors: SettingsErrors;
  /** The types and outcomes as currently edited on this screen, so a new one can be used at once. */
  contactTypes: string[];
  callOutcomes: string[];
  onChange: (rows: SlaRuleRow[]) => void;
}

/** "Missed call from a lead: call back within 2 hours": each rule creates a follow-up by itself. */
export function SlaRulesEditor({ rows, errors, contactTypes, callOutcomes, onChange }: SlaRulesEditorProps) {
  const update = (key: string, patch: Partial<SlaRuleRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  return (
    <div className="list-editor">
      {rows.length === 0 ? <EmptyState compact title="No rules yet. Without rules, follow-ups are only the ones people add." /> : null}
      <ul className="settings-rows">
        {rows.map((row, index) => {
          const error = (part: string) => errors[`sla:${row.key}.${part}`];
          return (
            <li key={row.key} className="settings-row">
              <TextField
                label={`Rule ${index + 1} name`}
                wide
                placeholder="e.g. Missed call from a lead"
                value={row.name}
                error={error('name')}
                onChange={(name) => update(row.key, { name })}
              />
              <SelectField
                label="When a contact of type"
                emptyOption="Any type"
                options={toOptions([...new Set([...contactTypes, row.contactType].filter(Boolean))])}
                value={row.contactType}
                error={error('contactType')}
                onChange={(contactType) => update(row.key, { contactType })}
              />
              <SelectField
                label="has a call with outcome"
                emptyOption="— (is added as a new contact)"
                options={toOptions([...new Set([...callOutcomes, row.callOutcome].filter(Boolean))])}
                value={row.callOutcome}
                onChange={(callOutcome) => update(row.key, { callOutcome })}
              />
              <TextField
                label="Follow up with"
                placeholder="e.g. Call back"
                value={row.followUpTitle}
                error={error('followUpTitle')}
                onChange={(followUpTitle) => update(row.key, { followUpTitle })}
              />
              <div className="settings-row__within">
                <TextField label="within" inputMode="decimal" value={row.within} error={error('within')} onChange={(within) => update(row.key, { within })} />
                <SelectField label={`Rule ${index + 1} time unit`} hideLabel options={durationUnits.map((unit) => ({ value: unit, label: unit }))} value={row.unit} onChange={(unit: DurationUnit) => update(row.key, { unit })} />
              </div>
              <IconButton
                icon="trash"
                className="settings-row__remove"
                label={`Remove ${row.name.trim() || `rule ${index + 1}`}`}
                onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
              />
            </li>
          );
        })}
      </ul>
      <Button variant="ghost" size="sm" icon="plus" onClick={() => onChange([...rows, emptySlaRule()])}>
        Add a rule
      </Button>
    </div>
  );
}
