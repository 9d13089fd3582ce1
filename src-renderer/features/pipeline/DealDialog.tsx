import { useState } from 'react';
import type { Deal, Pipeline } from '../../../src-shared/domain/pipeline';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { ContactPicker, type PickedContact } from '../../ui/ContactPicker';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { FormGrid } from '../../ui/FormGrid';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { Stack } from '../../ui/Stack';
import { useAccess } from '../access/access';
import { DealQuotes } from './DealQuotes';
import { DealJobs } from '../jobs/DealJobs';
import { DealSummaryDialog } from './DealSummaryDialog';
import { formFromDeal, newDealForm, parseDealForm, type DealFormErrors, type DealFormValues } from './deal-form';
import { deleteDealWithUndo, useOwnerNames } from './hooks';
import { currencySymbol, percent } from './pipeline-format';

const commonSources = ['Phone call', 'Website', 'Referral', 'Repeat customer', 'Google', 'Social media', 'Walk-in'];

interface DealDialogProps {
  pipelines: readonly Pipeline[];
  /** The deal to edit; absent for a new one. */
  deal?: Deal;
  /** For a new deal: where it starts and who it is with. */
  pipelineId?: string;
  stageId?: string;
  contact?: PickedContact | null;
  /** The contact is given by the page (a contact's own deals) and not chosen here. */
  lockContact?: boolean;
  onClose: () => void;
}

/** Add or edit a deal: what, with whom, where it stands, what it is worth and when it should close; and its quotes. */
export function DealDialog({ pipelines, deal, pipelineId, stageId, contact = null, lockContact, onClose }: DealDialogProps) {
  const settings = useUi((state) => state.settings);
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const navigate = useUi((state) => state.navigate);
  const owners = useOwnerNames();
  const { canEdit } = useAccess();
  const [values, setValues] = useState<DealFormValues>(() =>
    deal
      ? formFromDeal(deal)
      : newDealForm(pipelines.find((pipeline) => pipeline.id === pipelineId) ?? pipelines[0], stageId, contact, settings?.userName ?? ''),
  );
  const [errors, setErrors] = useState<DealFormErrors>({});
  const currency = deal?.currency ?? settings?.currency ?? 'GBP';
  const pipeline = pipelines.find((candidate) => candidate.id === values.pipelineId);
  const stage = pipeline?.stages.find((candidate) => candidate.id === values.stageId);
  const closing = stage && stage.outcome !== 'open' ? stage.outcome : null;

  const set = <K extends keyof DealFormValues>(key: K, value: DealFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const save = async () => {
    const { draft, errors: found } = parseDealForm(values, currency, closing);
    if (Object.values(found).some(Boolean)) return setErrors(found);
    if (!values.contact || !stage) return;
    try {
      if (deal) {
        const patch: Record<string, unknown> = {};
        if (draft.title !== deal.title) patch.title = draft.title;
        if (draft.valueMinor !== deal.valueMinor) patch.valueMinor = draft.valueMinor;
        if (draft.probabilityBp !== (deal.probabilityOverridden ? deal.probabilityBp : null)) patch.probabilityBp = draft.probabilityBp;
        if (draft.expectedCloseAt !== deal.expectedCloseAt) patch.expectedCloseAt = draft.expectedCloseAt;
        if (draft.owner !== deal.owner) patch.owner = draft.owner;
        if (draft.source !== deal.source) patch.source = draft.source;
        const reason = values.closeReason.trim();
        const moving = stage.id !== deal.stageId;
        if (closing && !moving && reason !== deal.closeReason) patch.closeReason = reason;
        if (Object.keys(patch).length > 0) await api.invoke('deals.update', { id: deal.id, patch });
        if (moving) await api.invoke('deals.move', { id: deal.id, stageId: stage.id, ...(closing ? { closeReason: reason } : {}) });
        pushToast({ message: `Saved ${draft.title}` });
      } else {
        const created = await api.invoke('deals.create', { ...draft, contactId: values.contact.id, pipelineId: values.pipelineId, stageId: stage.id });
        if (closing && values.closeReason.trim()) {
          await api.invoke('deals.update', { id: created.id, patch: { closeReason: values.closeReason.trim() } });
        }
        pushToast({ message: `Added ${created.title} to ${stage.name}` });
      }
      onClose();
    } catch (error) {
      const field = error instanceof ApiError ? error.field?.split('.').at(-1) : undefined;
      const known = field === 'title' || field === 'value' || field === 'expectedClose' ? field : field === 'contactId' ? 'contact' : undefined;
      if (known && error instanceof ApiError) setErrors({ [known]: stripFieldPrefix(error.message) });
      else showError(error);
    }
  };

  const remove = async () => {
    if (deal && (await deleteDealWithUndo(deal))) onClose();
  };

  // A read-only member reads the deal; the core would refuse any change to it.
  if (!canEdit) return deal ? <DealSummaryDialog deal={deal} pipelines={pipelines} onClose={onClose} /> : null;

  return (
    <FormDialog
      title={deal ? deal.title : 'New deal'}
      description={deal ? <>With {deal.contactName || 'a deleted contact'}</> : undefined}
      size="lg"
      submitLabel={deal ? 'Save deal' : 'Add deal'}
      savingLabel="Saving…"
      onSubmit={save}
      onClose={onClose}
      secondaryActions={
        deal ? (
          <Button variant="danger" icon="trash" onClick={() => void remove()}>
            Delete deal
          </Button>
        ) : undefined
      }
      extraActions={
        deal && deal.contactName ? (
          <Button icon="user" onClick={() => navigate({ name: 'contact', id: deal.contactId })}>
            Open contact
          </Button>
        ) : undefined
      }
      after={
        deal ? (
          <>
            <DealQuotes deal={deal} />
            <DealJobs dealId={deal.id} />
          </>
        ) : undefined
      }
    >
      <TextField label="Title" size="lg" maxLength={200} placeholder="What is the job?" value={values.title} error={errors.title} onChange={(title) => set('title', title)} />
      <FormGrid columns={2}>
        {lockContact || deal ? null : (
          <Field label="Contact" error={errors.contact}>
            {(control) => <ContactPicker {...control} placeholder="Search by name, company or phone" value={values.contact} onChange={(picked) => set('contact', picked)} />}
          </Field>
        )}
        <TextField label="Value" prefix={currencySymbol(currency)} inputMode="decimal" placeholder="0.00" value={values.value} error={errors.value} onChange={(value) => set('value', value)} />
        {deal || pipelines.length < 2 ? null : (
          <SelectField
            label="Pipeline"
            options={pipelines.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            value={values.pipelineId}
            onChange={(id) => {
              const next = pipelines.find((candidate) => candidate.id === id);
              setValues((current) => ({ ...current, pipelineId: id, stageId: next?.stages[0]?.id ?? '' }));
            }}
          />
        )}
        <SelectField
          label="Stage"
          options={pipeline?.stages.map((candidate) => ({ value: candidate.id, label: candidate.name })) ?? []}
          value={values.stageId}
          onChange={(id) => set('stageId', id)}
        />
        <TextField label="Expected close" type="date" value={values.expectedClose} error={errors.expectedClose} onChange={(date) => set('expectedClose', date)} />
        <Stack as="fieldset" gap="sm">
          <legend className="field__label">Probability</legend>
          <Checkbox
            label={`Use the stage’s ${stage ? percent(stage.probabilityBp) : ''}`}
            checked={values.useStageProbability}
            onChange={(checked) => {
              set('useStageProbability', checked);
              if (stage && checked) set('probability', String(stage.probabilityBp / 100));
            }}
          />
          {values.useStageProbability ? null : (
            <TextField
              label="Deal’s own probability (%)"
              hideLabel
              suffix="%"
              width="short"
              inputMode="decimal"
              value={values.probability}
              error={errors.probability}
              onChange={(probability) => set('probability', probability)}
            />
          )}
        </Stack>
        <TextField label="Owner" suggestions={owners} value={values.owner} onChange={(owner) => set('owner', owner)} />
        <TextField label="Source" hint="Where the work came from" suggestions={commonSources} value={values.source} onChange={(source) => set('source', source)} />
        {closing ? (
          <TextField
            label={closing === 'won' ? 'Reason it was won' : 'Reason it was lost'}
            hint={closing === 'won' ? 'Optional' : undefined}
            wide
            maxLength={500}
            value={values.closeReason}
            error={errors.closeReason}
            onChange={(reason) => set('closeReason', reason)}
          />
        ) : null}
      </FormGrid>
    </FormDialog>
  );
}
