import type { CustomFieldKind } from '../../../src-shared/domain/settings';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { IconButton } from '../../ui/IconButton';
import { toOptions } from '../../ui/Select';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { customFieldKinds, kindLabels, newRowKey, type CustomFieldRow, type SettingsErrors } from './settings-form';

interface CustomFieldsEditorProps {
  rows: CustomFieldRow[];
  errors: SettingsErrors;
  onChange: (rows: CustomFieldRow[]) => void;
}

/** Extra fields every contact gets (e.g. "Gate code", "Boiler model"): label, kind, and choices for lists. */
export function CustomFieldsEditor({ rows, errors, onChange }: CustomFieldsEditorProps) {
  const update = (key: string, patch: Partial<CustomFieldRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  return (
    <div className="list-editor">
      {rows.length === 0 ? (
        <EmptyState compact title="No custom fields yet. Add one for anything your trade needs to remember, like a gate code or a boiler model." />
      ) : (
        <ul className="settings-rows">
          {rows.map((row, index) => (
            <li key={row.key} className="settings-row settings-row--field">
              <TextField label={`Field ${index + 1} label`} value={row.label} error={errors[`field:${row.key}.label`]} onChange={(label) => update(row.key, { label })} />
              <SelectField
                label={`Field ${index + 1} kind`}
                options={toOptions(customFieldKinds, kindLabels)}
                value={row.kind}
                onChange={(kind: CustomFieldKind) => update(row.key, { kind })}
              />
              {row.kind === 'choice' ? (
                <TextField
                  label={`Field ${index + 1} choices`}
                  hint="Separate choices with commas"
                  wide
                  placeholder="e.g. Gas, Oil, Electric"
                  value={row.choices}
                  error={errors[`field:${row.key}.choices`]}
                  onChange={(choices) => update(row.key, { choices })}
                />
              ) : null}
              <IconButton
                icon="trash"
                className="settings-row__remove"
                label={`Remove ${row.label.trim() || `custom field ${index + 1}`}`}
                onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
              />
            </li>
          ))}
        </ul>
      )}
      <Button variant="ghost" size="sm" icon="plus" onClick={() => onChange([...rows, { key: newRowKey(), id: '', label: '', kind: 'text', choices: '' }])}>
        Add a custom field
      </Button>
    </div>
  );
}
