import type { Address } from '../../../src-shared/domain/contact';
import { FormGrid } from '../../ui/FormGrid';
import { TextField } from '../../ui/TextField';
import type { FormErrors } from './form-model';

const parts: { key: keyof Address; label: string; wide?: boolean }[] = [
  { key: 'street', label: 'Street', wide: true },
  { key: 'city', label: 'Town or city' },
  { key: 'region', label: 'County or state' },
  { key: 'postcode', label: 'Postcode' },
  { key: 'country', label: 'Country' },
];

export function AddressFields({ address, errors, onChange }: { address: Address; errors: FormErrors; onChange: (address: Address) => void }) {
  return (
    <fieldset className="address-fields">
      <legend className="field__label">Address</legend>
      <FormGrid>
        {parts.map((part) => (
          <TextField
            key={part.key}
            label={part.label}
            wide={part.wide}
            autoComplete="off"
            value={address[part.key]}
            error={errors[`address.${part.key}`]}
            onChange={(value) => onChange({ ...address, [part.key]: value })}
          />
        ))}
      </FormGrid>
    </fieldset>
  );
}
