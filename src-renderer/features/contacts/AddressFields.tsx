import type { Address } from '../../../src-shared/domain/contact';
import { Field } from '../../ui/Field';
import type { FormErrors } from './form-model';

const parts: { key: keyof Address; label: string; autoComplete: string; wide?: boolean }[] = [
  { key: 'street', label: 'Street', autoComplete: 'off', wide: true },
  { key: 'city', label: 'Town or city', autoComplete: 'off' },
  { key: 'region', label: 'County or state', autoComplete: 'off' },
  { key: 'postcode', label: 'Postcode', autoComplete: 'off' },
  { key: 'country', label: 'Country', autoComplete: 'off' },
];

export function AddressFields({
  address,
  errors,
  onChange,
}: {
  address: Address;
  errors: FormErrors;
  onChange: (address: Address) => void;
}) {
  return (
    <fieldset className="address-fields">
      <legend className="field__label">Address</legend>
      <div className="form-grid">
        {parts.map((part) => (
          <Field key={part.key} label={part.label} error={errors[`address.${part.key}`]} className={part.wide ? 'span-2' : undefined}>
            {(control) => (
              <input
                {...control}
                className="input"
                autoComplete={part.autoComplete}
                value={address[part.key]}
                onChange={(event) => onChange({ ...address, [part.key]: event.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
