import { Field } from '../../ui/Field';
import { capitalise } from '../../ui/format';
import { Icon } from '../../ui/Icon';
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
      {rows.length === 0 ? <p className="muted">No rules yet. Without rules, follow-ups are only the ones people add.</p> : null}
      <ul className="sla-list">
        {rows.map((row, index) => {
          const name = row.name.trim() || `rule ${index + 1}`;
          const error = (part: string) => errors[`sla:${row.key}.${part}`];
          return (
            <li key={row.key} className="sla-rule">
              <Field label={`Rule ${index + 1} name`} error={error('name')} className="sla-rule__name">
                {(control) => (
                  <input {...control} className="input" placeholder="e.g. Missed call from a lead" value={row.name} onChange={(event) => update(row.key, { name: event.target.value })} />
                )}
              </Field>
              <Field label="When a contact of type" error={error('contactType')}>
                {(control) => (
                  <select {...control} className="input" value={row.contactType} onChange={(event) => update(row.key, { contactType: event.target.value })}>
                    <option value="">Any type</option>
                    {[...new Set([...contactTypes, row.contactType].filter(Boolean))].map((type) => (
                      <option key={type} value={type}>
                        {capitalise(type)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="has a call with outcome">
                {(control) => (
                  <select {...control} className="input" value={row.callOutcome} onChange={(event) => update(row.key, { callOutcome: event.target.value })}>
                    <option value="">— (is added as a new contact)</option>
                    {[...new Set([...callOutcomes, row.callOutcome].filter(Boolean))].map((outcome) => (
                      <option key={outcome} value={outcome}>
                        {capitalise(outcome)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Follow up with" error={error('followUpTitle')}>
                {(control) => (
                  <input {...control} className="input" placeholder="e.g. Call back" value={row.followUpTitle} onChange={(event) => update(row.key, { followUpTitle: event.target.value })} />
                )}
              </Field>
              <div className="sla-rule__within">
                <Field label="within" error={error('within')}>
                  {(control) => <input {...control} className="input" inputMode="decimal" value={row.within} onChange={(event) => update(row.key, { within: event.target.value })} />}
                </Field>
                <Field label={`Rule ${index + 1} time unit`} hideLabel>
                  {(control) => (
                    <select {...control} className="input" value={row.unit} onChange={(event) => update(row.key, { unit: event.target.value as DurationUnit })}>
                      {durationUnits.map((unit) => (
                        <option key={unit} value={unit}>
                          {unit}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
              <button type="button" className="icon-button sla-rule__remove" aria-label={`Remove ${name}`} onClick={() => onChange(rows.filter((other) => other.key !== row.key))}>
                <Icon name="trash" size={16} />
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button button--ghost button--small" onClick={() => onChange([...rows, emptySlaRule()])}>
        <Icon name="plus" size={14} /> Add a rule
      </button>
    </div>
  );
}
