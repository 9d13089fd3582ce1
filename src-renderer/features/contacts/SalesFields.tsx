import { contactStatuses } from '../../../src-shared/domain/contact';
import { useUi } from '../../store';
import { Field } from '../../ui/Field';
import { FormGrid } from '../../ui/FormGrid';
import { statusLabels } from '../../ui/format';
import { toOptions } from '../../ui/Select';
import { SelectField } from '../../ui/SelectField';
import { TagInput } from '../../ui/TagInput';
import { TextField } from '../../ui/TextField';
import type { ContactFormValues, FormErrors, SetFormField } from './form-model';
import type { Facets } from './hooks';

const commonSources = ['Referral', 'Repeat customer', 'Website', 'Google', 'Social media', 'Flyer', 'Van signage', 'Trade show'];
const noTypes: readonly string[] = [];

interface SalesFieldsProps {
  values: ContactFormValues;
  errors: FormErrors;
  facets: Facets | null;
  set: SetFormField;
}

/** Type, status, owner, source, tags and potential value. The next follow-up is derived from the follow-ups. */
export function SalesFields({ values, errors, facets, set }: SalesFieldsProps) {
  const settingsTypes = useUi((state) => state.settings?.contactTypes ?? noTypes);
  const userName = useUi((state) => state.settings?.userName ?? '');
  const types = settingsTypes.includes(values.contactType) || !values.contactType ? settingsTypes : [values.contactType, ...settingsTypes];
  const owners = [...new Set([userName, ...(facets?.owners.map((owner) => owner.name) ?? [])].filter(Boolean))];

  return (
    <FormGrid>
      <SelectField label="Contact type" error={errors.contactType} options={toOptions(types)} value={values.contactType} onChange={(type) => set('contactType', type)} />
      <SelectField label="Status" error={errors.status} options={toOptions(contactStatuses, statusLabels)} value={values.status} onChange={(status) => set('status', status)} />
      <TextField
        label="Owner"
        hint="Who on the team looks after them"
        autoComplete="off"
        suggestions={owners}
        value={values.owner}
        error={errors.owner}
        onChange={(owner) => set('owner', owner)}
      />
      <TextField
        label="Source"
        hint="How they found us"
        autoComplete="off"
        suggestions={commonSources}
        value={values.source}
        error={errors.source}
        onChange={(source) => set('source', source)}
      />
      <TextField
        label="Potential value"
        hint={`In ${values.currency}, e.g. 1,250.00`}
        prefix={values.currency}
        inputMode="decimal"
        autoComplete="off"
        value={values.potentialValue}
        error={errors.potentialValue}
        onChange={(value) => set('potentialValue', value)}
      />
      <Field label="Tags" error={errors.tags} wide>
        {(control) => <TagInput {...control} value={values.tags} suggestions={facets?.tags.map((tag) => tag.name) ?? []} onChange={(tags) => set('tags', tags)} />}
      </Field>
    </FormGrid>
  );
}
