import { useState } from 'react';
import { CompanyDraftSchema, type Company } from '../../../src-shared/domain/company';
import { api } from '../../api';
import { useUi } from '../../store';
import { FormDialog } from '../../ui/FormDialog';
import { FormGrid } from '../../ui/FormGrid';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';

interface CompanyDialogProps {
  /** The company to edit; absent for a new one. */
  company?: Company;
  onClose: () => void;
  onSaved?: (company: Company) => void;
}

const fieldNames = ['name', 'domains', 'address', 'phone', 'notes'] as const;
type FieldName = (typeof fieldNames)[number];

/** Make a company, or change one: its name, the e-mail domains its people write from, address, phone and notes. */
export function CompanyDialog({ company, onClose, onSaved }: CompanyDialogProps) {
  const pushToast = useUi((state) => state.pushToast);
  const [values, setValues] = useState({
    name: company?.name ?? '',
    domains: company?.domains.join(', ') ?? '',
    address: company?.address ?? '',
    phone: company?.phone ?? '',
    notes: company?.notes ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const set = (field: FieldName, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const save = async () => {
    const draft = { ...values, domains: values.domains.split(/[\s,;]+/).filter(Boolean) };
    const parsed = CompanyDraftSchema.safeParse(draft);
    if (!parsed.success) {
      const found: Partial<Record<FieldName, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = fieldNames.find((name) => name === issue.path[0]);
        if (field && !found[field]) found[field] = issue.message;
      }
      return setErrors(found);
    }
    const saved = company ? await api.invoke('companies.update', { id: company.id, patch: parsed.data }) : await api.invoke('companies.create', parsed.data);
    pushToast({ message: company ? `Saved ${saved.name}` : `Added ${saved.name}` });
    onSaved?.(saved);
    onClose();
  };

  return (
    <FormDialog title={company ? `Edit ${company.name}` : 'New company'} submitLabel={company ? 'Save company' : 'Add company'} savingLabel="Saving…" onSubmit={save} onClose={onClose}>
      <TextField label="Name" size="lg" maxLength={200} value={values.name} error={errors.name} onChange={(name) => set('name', name)} data-autofocus />
      <TextField
        label="E-mail domains"
        hint="Separated by commas: hartley-lettings.co.uk"
        maxLength={2000}
        value={values.domains}
        error={errors.domains}
        onChange={(domains) => set('domains', domains)}
      />
      <FormGrid columns={2}>
        <TextField label="Phone" maxLength={40} value={values.phone} error={errors.phone} onChange={(phone) => set('phone', phone)} />
        <TextField label="Address" maxLength={500} value={values.address} error={errors.address} onChange={(address) => set('address', address)} />
      </FormGrid>
      <TextAreaField label="Notes" rows={3} maxLength={20_000} value={values.notes} onChange={(notes) => set('notes', notes)} />
    </FormDialog>
  );
}
