import { useId } from 'react';
import { contactStatuses, type ContactStatus } from '../../../src-shared/domain/contact';
import { useUi } from '../../store';
import { Field } from '../../ui/Field';
import { capitalise, statusLabels } from '../../ui/format';
import { TagInput } from '../../ui/TagInput';
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
  const ownersListId = useId();
  const sourcesListId = useId();
  const types = settingsTypes.includes(values.contactType) || !values.contactType ? settingsTypes : [values.contactType, ...settingsTypes];
  const owners = [...new Set([userName, ...(facets?.owners.map((owner) => owner.name) ?? [])].filter(Boolean))];

  return (
    <div className="form-grid">
      <Field label="Contact type" error={errors.contactType}>
        {(control) => (
          <select {...control} className="input" value={values.contactType} onChange={(event) => set('contactType', event.target.value)}>
            {types.map((type) => (
              <option key={type} value={type}>
                {capitalise(type)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Status" error={errors.status}>
        {(control) => (
          <select
            {...control}
            className="input"
            value={values.status}
            onChange={(event) => set('status', event.target.value as ContactStatus)}
          >
            {contactStatuses.map((status) => (
              <option key={status} value={status}>
                {statusLabels[status]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Owner" error={errors.owner} hint="Who on the team looks after them">
        {(control) => (
          <>
            <input
              {...control}
              className="input"
              list={ownersListId}
              autoComplete="off"
              value={values.owner}
              onChange={(event) => set('owner', event.target.value)}
            />
            <datalist id={ownersListId}>
              {owners.map((owner) => (
                <option key={owner} value={owner} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Source" error={errors.source} hint="How they found us">
        {(control) => (
          <>
            <input
              {...control}
              className="input"
              list={sourcesListId}
              autoComplete="off"
              value={values.source}
              onChange={(event) => set('source', event.target.value)}
            />
            <datalist id={sourcesListId}>
              {commonSources.map((source) => (
                <option key={source} value={source} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Potential value" error={errors.potentialValue} hint={`In ${values.currency}, e.g. 1,250.00`}>
        {(control) => (
          <div className="input-with-prefix">
            <span className="input-with-prefix__prefix" aria-hidden="true">
              {values.currency}
            </span>
            <input
              {...control}
              className="input"
              inputMode="decimal"
              autoComplete="off"
              value={values.potentialValue}
              onChange={(event) => set('potentialValue', event.target.value)}
            />
          </div>
        )}
      </Field>
      <Field label="Tags" error={errors.tags} className="span-2">
        {(control) => (
          <TagInput
            {...control}
            value={values.tags}
            suggestions={facets?.tags.map((tag) => tag.name) ?? []}
            onChange={(tags) => set('tags', tags)}
          />
        )}
      </Field>
    </div>
  );
}
