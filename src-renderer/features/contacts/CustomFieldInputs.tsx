import type { CustomFieldDef } from '../../../src-shared/domain/settings';
import { FormGrid } from '../../ui/FormGrid';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import type { FormErrors } from './form-model';

interface CustomFieldInputsProps {
  defs: readonly CustomFieldDef[];
  values: Record<string, string>;
  errors: FormErrors;
  onChange: (values: Record<string, string>) => void;
}

/** One input per custom field defined in settings, shaped by its kind. */
export function CustomFieldInputs({ defs, values, errors, onChange }: CustomFieldInputsProps) {
  const set = (id: string, value: string) => onChange({ ...values, [id]: value });
  return (
    <FormGrid>
      {defs.map((def) => {
        const value = values[def.id] ?? '';
        const error = errors[`custom:${def.id}`];
        if (def.kind === 'choice') {
          // A value no longer among the choices stays choosable until changed.
          const choices = value && !def.choices.includes(value) ? [value, ...def.choices] : def.choices;
          return (
            <SelectField
              key={def.id}
              label={def.label}
              error={error}
              emptyOption="Not set"
              options={choices.map((choice) => ({ value: choice, label: choice }))}
              value={value}
              onChange={(choice) => set(def.id, choice)}
            />
          );
        }
        return (
          <TextField
            key={def.id}
            label={def.label}
            error={error}
            type={def.kind === 'date' ? 'date' : 'text'}
            inputMode={def.kind === 'number' ? 'decimal' : undefined}
            value={value}
            onChange={(text) => set(def.id, text)}
          />
        );
      })}
    </FormGrid>
  );
}
