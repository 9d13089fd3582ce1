import { useState } from 'react';
import { jobPriorities, jobStatuses, jobStatusLabels, type Job, type JobStart } from '../../../src-shared/domain/job';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { ContactPicker } from '../../ui/ContactPicker';
import { Field } from '../../ui/Field';
import { capitalise } from '../../ui/format';
import { FormDialog } from '../../ui/FormDialog';
import { FormGrid } from '../../ui/FormGrid';
import { toOptions } from '../../ui/Select';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { ContactSuggestions } from './ContactSuggestions';
import { deleteJobWithUndo } from './hooks';
import './jobs.css';
import { formFromJob, hasErrors, jobPatch, newJobForm, parseJobForm, type JobFormErrors, type JobFormValues } from './job-form';

const priorityLabels = Object.fromEntries(jobPriorities.map((priority) => [priority, capitalise(priority)]));

interface JobDialogProps {
  /** The job to edit; absent for a new one. */
  job?: Job;
  /** For a new job: what the call, contact or deal it is made from already says. */
  start?: JobStart | null;
  onClose: () => void;
  onSaved?: (job: Job) => void;
}

/** Book a job, or change one: what, for whom, when, where, and what it was invoiced and paid. */
export function JobDialog({ job, start = null, onClose, onSaved }: JobDialogProps) {
  const settings = useUi((state) => state.settings);
  const pushToast = useUi((state) => state.pushToast);
  const showError = useUi((state) => state.showError);
  const [values, setValues] = useState<JobFormValues>(() => (job ? formFromJob(job) : newJobForm(start, settings?.userName ?? '')));
  const [errors, setErrors] = useState<JobFormErrors>({});
  const currency = job?.currency ?? settings?.currency ?? 'GBP';
  const set = <K extends keyof JobFormValues>(key: K, value: JobFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key === 'time' ? 'date' : key === 'reach' ? 'contact' : key]: undefined }));
  };

  const save = async () => {
    const { fields, errors: found } = parseJobForm(values, currency);
    if (hasErrors(found)) return setErrors(found);
    const contactId = values.contact?.id ?? '';
    try {
      const saved = job
        ? await api.invoke('jobs.update', { id: job.id, patch: { ...jobPatch(job, fields), ...(contactId && contactId !== job.contactId ? { contactId } : {}) } })
        : await api.invoke('jobs.create', {
            ...fields,
            contactId,
            ...(contactId ? {} : { reach: values.reach }),
            dealId: values.dealId,
            callId: values.callId,
            currency,
          });
      pushToast({ message: job ? `Saved ${saved.title}` : `Booked ${saved.title}` });
      onSaved?.(saved);
      onClose();
    } catch (error) {
      const field = error instanceof ApiError ? error.field?.split('.').at(-1) : undefined;
      const known = field === 'title' ? 'title' : field === 'contactId' ? 'contact' : field === 'invoicedMinor' ? 'invoiced' : field === 'paidAt' ? 'paidOn' : undefined;
      if (known && error instanceof ApiError) setErrors({ [known]: stripFieldPrefix(error.message) });
      else showError(error);
    }
  };

  const remove = async () => {
    if (job && (await deleteJobWithUndo(job))) onClose();
  };

  return (
    <FormDialog
      title={job ? job.title : 'New job'}
      size="lg"
      submitLabel={job ? 'Save job' : 'Book job'}
      savingLabel="Saving…"
      onSubmit={save}
      onClose={onClose}
      secondaryActions={
        job ? (
          <Button variant="danger" icon="trash" onClick={() => void remove()}>
            Delete job
          </Button>
        ) : undefined
      }
    >
      <TextField label="Job" size="lg" maxLength={200} placeholder="What needs doing?" value={values.title} error={errors.title} onChange={(title) => set('title', title)} data-autofocus />
      {/* A job's contact is chosen once: when it is booked, or later for one booked without it. */}
      {job?.contactId ? null : (
        <>
          <Field label="Contact" error={errors.contact}>
            {(control) => <ContactPicker {...control} placeholder="Search by name, company or phone" value={values.contact} onChange={(picked) => set('contact', picked)} />}
          </Field>
          {values.contact ? null : (
            <>
              <fieldset className="job-reach">
                <legend className="meta">Not in your contacts yet? Book it with what you know, and link them later.</legend>
                <FormGrid columns="auto">
                  <TextField label="Their phone" inputMode="tel" maxLength={40} value={values.reach.phone} onChange={(phone) => set('reach', { ...values.reach, phone })} />
                  <TextField label="Their e-mail" type="email" maxLength={254} value={values.reach.email} onChange={(email) => set('reach', { ...values.reach, email })} />
                  <TextField label="Their company" maxLength={200} value={values.reach.company} onChange={(company) => set('reach', { ...values.reach, company })} />
                </FormGrid>
              </fieldset>
              <ContactSuggestions reach={values.reach} onUse={(contact) => set('contact', contact)} />
            </>
          )}
        </>
      )}
      <FormGrid columns={2}>
        <SelectField label="Status" options={toOptions(jobStatuses, jobStatusLabels)} value={values.status} onChange={(status) => set('status', status)} />
        <SelectField label="Priority" options={toOptions(jobPriorities, priorityLabels)} value={values.priority} onChange={(priority) => set('priority', priority)} />
        <TextField label="Assigned to" maxLength={120} value={values.assignee} onChange={(assignee) => set('assignee', assignee)} />
        <TextField label="Date" type="date" value={values.date} error={errors.date} onChange={(date) => set('date', date)} />
        <TextField label="Time" type="time" value={values.time} onChange={(time) => set('time', time)} />
        <TextField label="Invoiced" inputMode="decimal" placeholder="0.00" suffix={currency} value={values.invoiced} error={errors.invoiced} onChange={(invoiced) => set('invoiced', invoiced)} />
        <TextField label="Paid on" type="date" value={values.paidOn} error={errors.paidOn} onChange={(paidOn) => set('paidOn', paidOn)} />
      </FormGrid>
      <TextField label="Address" maxLength={500} value={values.address} onChange={(address) => set('address', address)} />
      <TextAreaField label="Description" rows={4} maxLength={20_000} value={values.description} onChange={(description) => set('description', description)} />
    </FormDialog>
  );
}
