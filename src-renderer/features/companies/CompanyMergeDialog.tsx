import { useState } from 'react';
import { companyMergeFields, differingFields, type Company, type CompanyMergeField } from '../../../src-shared/domain/company';
import { api } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SelectField } from '../../ui/SelectField';
import { Stack } from '../../ui/Stack';
import { useCompanyChoices } from './hooks';
import { MergeFieldChoices, mergeWithUndo } from './MergeFieldChoices';

const labels: Record<CompanyMergeField, string> = { name: 'Name', domains: 'E-mail domains', address: 'Address', phone: 'Phone', notes: 'Notes' };
const shown = (company: Company, field: CompanyMergeField) => (field === 'domains' ? company.domains.join(', ') : company[field]);

/** Merge a duplicate company into this one: choose the other, then each differing field; its people move here. Undoable. */
export function CompanyMergeDialog({ company, onClose }: { company: Company; onClose: () => void }) {
  const navigate = useUi((state) => state.navigate);
  const choices = useCompanyChoices();
  const others = (choices.latest?.items ?? []).filter((item) => item.id !== company.id);
  const [otherId, setOtherId] = useState('');
  const [fromOther, setFromOther] = useState<CompanyMergeField[]>([]);
  const [busy, setBusy] = useState(false);
  const other = others.find((item) => item.id === otherId);
  // Domains are joined, not chosen.
  const fields = other
    ? differingFields(company, other, companyMergeFields.filter((field) => field !== 'domains')).map((field) => ({ field, label: labels[field], survivor: shown(company, field), other: shown(other, field) }))
    : [];

  const merge = async () => {
    if (!other) return;
    setBusy(true);
    const done = await mergeWithUndo(
      () => api.invoke('companies.merge', { survivorId: company.id, otherId: other.id, fromOther }),
      (undoId) => api.invoke('companies.unmerge', { undoId }),
      `Merged ${other.name} into ${company.name}`,
    );
    setBusy(false);
    if (done) {
      onClose();
      navigate({ name: 'company', id: company.id }, { replace: true });
    }
  };

  return (
    <Dialog
      title={`Merge into ${company.name}`}
      description="The other company’s people move here and it is deleted. Undo puts everything back."
      size="lg"
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={!other} busy={busy} busyLabel="Merging…" onClick={() => void merge()}>
            Merge companies
          </Button>
        </>
      }
    >
      <Stack gap="lg">
        <SelectField label="Duplicate company" emptyOption="Choose a company" options={others.map((item) => ({ value: item.id, label: item.name }))} value={otherId} onChange={setOtherId} data-autofocus />
        {other ? <MergeFieldChoices fields={fields} fromOther={fromOther} onChange={setFromOther} /> : null}
      </Stack>
    </Dialog>
  );
}
