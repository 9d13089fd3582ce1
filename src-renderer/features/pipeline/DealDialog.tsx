import { useId, useRef, useState, type FormEvent } from 'react';
import type { Deal, Pipeline } from '../../../src-shared/domain/pipeline';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { ContactPicker, type PickedContact } from './ContactPicker';
import { DealQuotes } from './DealQuotes';
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
  const formId = useId();
  const ownersListId = useId();
  const sourcesListId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<DealFormValues>(() =>
    deal
      ? formFromDeal(deal)
      : newDealForm(pipelines.find((pipeline) => pipeline.id === pipelineId) ?? pipelines[0], stageId, contact, settings?.userName ?? ''),
  );
  const [errors, setErrors] = useState<DealFormErrors>({});
  const [saving, setSaving] = useState(false);
  const currency = deal?.currency ?? settings?.currency ?? 'GBP';
  const pipeline = pipelines.find((candidate) => candidate.id === values.pipelineId);
  const stage = pipeline?.stages.find((candidate) => candidate.id === values.stageId);
  const closing = stage && stage.outcome !== 'open' ? stage.outcome : null;

  const set = <K extends keyof DealFormValues>(key: K, value: DealFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const showFieldErrors = (found: DealFormErrors) => {
    setErrors(found);
    window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const { draft, errors: found } = parseDealForm(values, currency, closing);
    if (Object.values(found).some(Boolean)) return showFieldErrors(found);
    if (!values.contact || !stage) return;
    setSaving(true);
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
        const created = await api.invoke('deals.create', {
          ...draft,
          contactId: values.contact.id,
          pipelineId: values.pipelineId,
          stageId: stage.id,
        });
        if (closing && values.closeReason.trim()) {
          await api.invoke('deals.update', { id: created.id, patch: { closeReason: values.closeReason.trim() } });
        }
        pushToast({ message: `Added ${created.title} to ${stage.name}` });
      }
      onClose();
    } catch (error) {
      setSaving(false);
      const field = error instanceof ApiError ? error.field?.split('.').at(-1) : undefined;
      const known = field === 'title' || field === 'value' || field === 'expectedClose' ? field : field === 'contactId' ? 'contact' : undefined;
      if (known && error instanceof ApiError) showFieldErrors({ [known]: stripFieldPrefix(error.message) });
      else showError(error);
    }
  };

  const remove = async () => {
    if (!deal) return;
    if (await deleteDealWithUndo(deal)) onClose();
  };

  return (
    <Dialog
      title={deal ? deal.title : 'New deal'}
      description={deal ? <>With {deal.contactName || 'a deleted contact'}</> : undefined}
      onClose={onClose}
      actions={
        <>
          {deal ? (
            <button type="button" className="button button--danger pl-push-start" onClick={() => void remove()}>
              <Icon name="trash" size={16} /> Delete deal
            </button>
          ) : null}
          {deal && deal.contactName ? (
            <button type="button" className="button" onClick={() => navigate({ name: 'contact', id: deal.contactId })}>
              <Icon name="user" size={16} /> Open contact
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : deal ? 'Save deal' : 'Add deal'}
          </button>
        </>
      }
    >
      <form id={formId} ref={formRef} className="deal-form" noValidate onSubmit={(event) => void save(event)}>
        <Field label="Title" error={errors.title}>
          {(control) => (
            <input
              {...control}
              className="input input--large"
              value={values.title}
              maxLength={200}
              placeholder="What is the job?"
              onChange={(event) => set('title', event.target.value)}
            />
          )}
        </Field>
        <div className="deal-form__grid">
          {lockContact || deal ? null : (
            <Field label="Contact" error={errors.contact}>
              {(control) => <ContactPicker {...control} value={values.contact} onChange={(picked) => set('contact', picked)} />}
            </Field>
          )}
          <Field label="Value" error={errors.value}>
            {(control) => (
              <div className="input-with-prefix">
                <span className="input-with-prefix__prefix" aria-hidden="true">
                  {currencySymbol(currency)}
                </span>
                <input
                  {...control}
                  className="input pl-num"
                  inputMode="decimal"
                  value={values.value}
                  placeholder="0.00"
                  onChange={(event) => set('value', event.target.value)}
                />
              </div>
            )}
          </Field>
          {deal || pipelines.length < 2 ? null : (
            <Field label="Pipeline">
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={values.pipelineId}
                  onChange={(event) => {
                    const next = pipelines.find((candidate) => candidate.id === event.target.value);
                    setValues((current) => ({ ...current, pipelineId: event.target.value, stageId: next?.stages[0]?.id ?? '' }));
                  }}
                >
                  {pipelines.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label="Stage">
            {(control) => (
              <select {...control} className="input" value={values.stageId} onChange={(event) => set('stageId', event.target.value)}>
                {pipeline?.stages.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Expected close" error={errors.expectedClose}>
            {(control) => (
              <input {...control} type="date" className="input" value={values.expectedClose} onChange={(event) => set('expectedClose', event.target.value)} />
            )}
          </Field>
          <fieldset className="deal-form__probability">
            <legend className="field__label">Probability</legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={values.useStageProbability}
                onChange={(event) => {
                  set('useStageProbability', event.target.checked);
                  if (stage && event.target.checked) set('probability', String(stage.probabilityBp / 100));
                }}
              />
              <span>Use the stage’s {stage ? percent(stage.probabilityBp) : ''}</span>
            </label>
            {values.useStageProbability ? null : (
              <Field label="Deal’s own probability (%)" error={errors.probability} hideLabel>
                {(control) => (
                  <div className="pl-suffix-input">
                    <input
                      {...control}
                      className="input pl-num"
                      inputMode="decimal"
                      value={values.probability}
                      onChange={(event) => set('probability', event.target.value)}
                    />
                    <span className="pl-suffix-input__suffix" aria-hidden="true">
                      %
                    </span>
                  </div>
                )}
              </Field>
            )}
          </fieldset>
          <Field label="Owner">
            {(control) => (
              <>
                <input {...control} className="input" list={ownersListId} value={values.owner} onChange={(event) => set('owner', event.target.value)} />
                <datalist id={ownersListId}>
                  {owners.map((owner) => (
                    <option key={owner} value={owner} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label="Source" hint="Where the work came from">
            {(control) => (
              <>
                <input {...control} className="input" list={sourcesListId} value={values.source} onChange={(event) => set('source', event.target.value)} />
                <datalist id={sourcesListId}>
                  {commonSources.map((source) => (
                    <option key={source} value={source} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          {closing ? (
            <Field
              label={closing === 'won' ? 'Reason it was won' : 'Reason it was lost'}
              error={errors.closeReason}
              hint={closing === 'won' ? 'Optional' : undefined}
              className="span-2"
            >
              {(control) => (
                <input
                  {...control}
                  className="input"
                  maxLength={500}
                  value={values.closeReason}
                  onChange={(event) => set('closeReason', event.target.value)}
                />
              )}
            </Field>
          ) : null}
        </div>
      </form>
      {deal ? <DealQuotes deal={deal} /> : null}
    </Dialog>
  );
}
