import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { customFieldKinds, kindLabels, newRowKey, type CustomFieldRow, type SettingsErrors } from './settings-form';
import type { CustomFieldKind } from '../../../src-shared/domain/settings';

interface CustomFieldsEditorProps {
  rows: CustomFieldRow[];
  errors: SettingsErrors;
  onChange: (rows: CustomFieldRow[]) => void;
}

/** Extra fields every contact gets (e.g. "Gate code", "Boiler model"): label, kind, and choices for lists. */
export function CustomFieldsEditor({ rows, errors, onChange }: CustomFieldsEditorProps) {
  const update = (key: string, patch: Partial<CustomFieldRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  return (
    <div className="list-editor">
      {rows.length === 0 ? (
        <p className="muted">No custom fields yet. Add one for anything your trade needs to remember, like a gate code or a boiler model.</p>
      ) : (
        <ul className="custom-field-list">
          {rows.map((row, index) => {
            const name = row.label.trim() || `custom field ${index + 1}`;
            return (
              <li key={row.key} className="custom-field-row">
                <Field label={`Field ${index + 1} label`} error={errors[`field:${row.key}.label`]}>
                  {(control) => (
                    <input {...control} className="input" value={row.label} onChange={(event) => update(row.key, { label: event.target.value })} />
                  )}
                </Field>
                <Field label={`Field ${index + 1} kind`}>
                  {(control) => (
                    <select
                      {...control}
                      className="input"
                      value={row.kind}
                      onChange={(event) => update(row.key, { kind: event.target.value as CustomFieldKind })}
                    >
                      {customFieldKinds.map((kind) => (
                        <option key={kind} value={kind}>
                          {kindLabels[kind]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {row.kind === 'choice' ? (
                  <Field
                    label={`Field ${index + 1} choices`}
                    error={errors[`field:${row.key}.choices`]}
                    hint="Separate choices with commas"
                    className="custom-field-row__choices"
                  >
                    {(control) => (
                      <input
                        {...control}
                        className="input"
                        placeholder="e.g. Gas, Oil, Electric"
                        value={row.choices}
                        onChange={(event) => update(row.key, { choices: event.target.value })}
                      />
                    )}
                  </Field>
                ) : null}
                <button
                  type="button"
                  className="icon-button custom-field-row__remove"
                  aria-label={`Remove ${name}`}
                  onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
                >
                  <Icon name="trash" size={16} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={() => onChange([...rows, { key: newRowKey(), id: '', label: '', kind: 'text', choices: '' }])}
      >
        <Icon name="plus" size={14} /> Add a custom field
      </button>
    </div>
  );
}
