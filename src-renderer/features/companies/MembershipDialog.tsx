import { useState } from 'react';
import type { Company } from '../../../src-shared/domain/company';
import { api } from '../../api';
import { useUi } from '../../store';
import { Checkbox } from '../../ui/Checkbox';
import { ContactPicker, type PickedContact } from '../../ui/ContactPicker';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useCompanyChoices } from './hooks';

interface MembershipDialogProps {
  /** Adding someone to this company: the person is picked in the dialog. */
  company?: Pick<Company, 'id' | 'name' | 'primaryContactId'>;
  /** Setting this person's company: the company is chosen in the dialog. */
  person?: { id: string; name: string; jobTitle: string; decisionMaker: boolean; companyId: string | null };
  onClose: () => void;
}

/** Who works where: a person's company (or none), their job title, whether they decide, and whether they are its primary contact. */
export function MembershipDialog({ company, person, onClose }: MembershipDialogProps) {
  const pushToast = useUi((state) => state.pushToast);
  const showError = useUi((state) => state.showError);
  const choices = useCompanyChoices();
  const [picked, setPicked] = useState<PickedContact | null>(person ? { id: person.id, name: person.name } : null);
  const [companyId, setCompanyId] = useState<string>(company?.id ?? person?.companyId ?? '');
  const [jobTitle, setJobTitle] = useState(person?.jobTitle ?? '');
  const [decisionMaker, setDecisionMaker] = useState(person?.decisionMaker ?? false);
  const currentPrimary = company?.primaryContactId ?? choices.latest?.items.find((item) => item.id === companyId)?.primaryContactId ?? null;
  const [primary, setPrimary] = useState<boolean | null>(null);
  const isPrimary = primary ?? (person !== undefined && currentPrimary === person.id);
  const [error, setError] = useState<string | undefined>();

  const save = async () => {
    if (!picked) return setError('Choose the person.');
    try {
      await api.invoke('companies.setMembership', { contactId: picked.id, companyId: companyId || null, jobTitle, decisionMaker, ...(companyId ? { primary: isPrimary } : {}) });
      const companyName = company?.name ?? choices.latest?.items.find((item) => item.id === companyId)?.name;
      pushToast({ message: companyName ? `${picked.name} is at ${companyName}` : `${picked.name} is not at a company` });
      onClose();
    } catch (caught) {
      showError(caught);
    }
  };

  const options = (choices.latest?.items ?? []).map((item) => ({ value: item.id, label: item.name }));
  return (
    <FormDialog title={company ? `Add a person to ${company.name}` : `${person?.name ?? 'This person'}’s company`} submitLabel="Save" savingLabel="Saving…" onSubmit={save} onClose={onClose} error={error}>
      {company ? (
        <Field label="Person">{(control) => <ContactPicker {...control} placeholder="Search by name, company or phone" value={picked} onChange={setPicked} />}</Field>
      ) : (
        <SelectField label="Company" emptyOption="No company" options={options} value={companyId} onChange={setCompanyId} data-autofocus />
      )}
      <TextField label="Job title" maxLength={200} placeholder="Owner, property manager, accounts…" value={jobTitle} onChange={setJobTitle} />
      <Checkbox label="Decision maker" hint="Decides for the company: the one to ask for a yes." checked={decisionMaker} onChange={setDecisionMaker} />
      {companyId ? <Checkbox label="Primary contact" hint="The one to call first at this company." checked={isPrimary} onChange={setPrimary} /> : null}
    </FormDialog>
  );
}
