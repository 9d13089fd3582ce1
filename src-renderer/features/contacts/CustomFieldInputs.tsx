import type { CustomFieldDef } from '../../../src-shared/domain/settings';
import { Field } from '../../ui/Field';
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
    <div className="form-grid">
      {defs.map((def) => (
        <Field key={def.id} label={def.label} error={errors[`custom:${def.id}`]}>
          {(control) => {
            const value = values[def.id] ?? '';
            if (def.kind === 'choice') {
              const choices = value && !def.choices.includes(value) ? [value, ...def.choices] : def.choices;
              return (
                <select {...control} className="input" value={value} onChange={(event) => set(def.id, event.target.value)}>
                  <option value="">Not set</option>
                  {choices.map((choice) => (
                    <option key={choice} value={choice}>
                      {choice}
                    </option>
                  ))}
                </select>
              );
            }
            return (
              <input
                {...control}
                className="input"
                type={def.kind === 'date' ? 'date' : 'text'}
                inputMode={def.kind === 'number' ? 'decimal' : undefined}
                value={value}
                onChange={(event) => set(def.id, event.target.value)}
              />
            );
          }}
        </Field>
      ))}
    </div>
  );
}
