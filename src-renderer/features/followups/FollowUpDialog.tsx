import { useId, useState, type FormEvent } from 'react';
import {
  followUpPresets,
  followUpPriorities,
  presetDueAt,
  type FollowUp,
  type FollowUpPriority,
} from '../../../src-shared/domain/follow-up';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { fromDateAndTime, toDateInput, toTimeInput } from '../../ui/dates';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { ContactPicker, type PickedContact } from '../contacts/ContactPicker';
import { presetLabels, priorityLabels } from './follow-up-format';

interface FollowUpDialogProps {
  /** Absent for a new follow-up from the command palette: the dialog then asks whose it is. */
  contact?: PickedContact | undefined;
  callId?: string | undefined;
  /** Editing this one instead of creating. */
  followUp?: FollowUp;
  onClose: () => void;
}

type Errors = Partial<Record<'contact' | 'title' | 'due' | 'assignee', string>>;

/** Create or change a follow-up: what, for whom, due when (with quick picks), and how urgent. */
export function FollowUpDialog({ contact, callId, followUp, onClose }: FollowUpDialogProps) {
  const userName = useUi((state) => state.settings?.userName ?? '');
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const formId = useId();
  const assigneesId = useId();
  const [initialDue] = useState(() => followUp?.dueAt ?? presetDueAt('tomorrow_9', new Date()));
  const [picked, setPicked] = useState<PickedContact | null>(contact ?? null);
  const [title, setTitle] = useState(followUp?.title ?? '');
  const [date, setDate] = useState(toDateInput(initialDue));
  const [time, setTime] = useState(toTimeInput(initialDue));
  const [assignee, setAssignee] = useState(followUp?.assignee ?? userName);
  const [priority, setPriority] = useState<FollowUpPriority>(followUp?.priority ?? 'normal');
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  const applyPreset = (dueAt: number) => {
    setDate(toDateInput(dueAt));
    setTime(toTimeInput(dueAt));
    setErrors(({ due: _due, ...rest }) => rest);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const dueAt = fromDateAndTime(date, time);
    const found: Errors = {};
    if (!picked) found.contact = 'Choose who this follow-up is for';
    if (!title.trim()) found.title = 'Say what needs doing';
    if (dueAt === null) found.due = 'Enter a date and a time';
    setErrors(found);
    if (Object.keys(found).length > 0 || dueAt === null || !picked) {
      window.requestAnimationFrame(() => document.getElementById(formId)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    try {
      if (followUp) {
        const patch = {
          ...(title.trim() !== followUp.title ? { title } : {}),
          ...(dueAt !== followUp.dueAt ? { dueAt } : {}),
          ...(assignee.trim() !== followUp.assignee ? { assignee } : {}),
          ...(priority !== followUp.priority ? { priority } : {}),
        };
        if (Object.keys(patch).length > 0) await api.invoke('followups.update', { id: followUp.id, patch });
        pushToast({ message: 'Follow-up saved' });
      } else {
        await api.invoke('followups.create', { contactId: picked.id, callId: callId ?? null, title, dueAt, assignee, priority });
        pushToast({ message: `Follow-up added for ${picked.name}` });
      }
      onClose();
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError && error.field) {
        const key = error.field.includes('title') ? 'title' : error.field.includes('due') ? 'due' : error.field.includes('assignee') ? 'assignee' : 'contact';
        setErrors({ [key]: stripFieldPrefix(error.message) });
      } else {
        showError(error);
      }
    }
  };

  return (
    <Dialog
      title={followUp ? 'Edit follow-up' : picked && contact ? `New follow-up for ${picked.name}` : 'New follow-up'}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : followUp ? 'Save follow-up' : 'Add follow-up'}
          </button>
        </>
      }
    >
      <form id={formId} className="dialog-form" noValidate onSubmit={(event) => void save(event)}>
        {!contact && !followUp ? (
          <Field label="Contact" error={errors.contact}>
            {(control) => <ContactPicker {...control} value={picked} onChange={setPicked} />}
          </Field>
        ) : null}
        <Field label="What needs doing" error={errors.title}>
          {(control) => (
            <input
              {...control}
              className="input"
              autoFocus
              autoComplete="off"
              placeholder="e.g. Call back about the boiler quote"
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
          )}
        </Field>
        <fieldset className="due-fieldset">
          <legend className="field__label">Due</legend>
          <div className="preset-row" role="group" aria-label="Quick picks">
            {followUpPresets.map((preset) => (
              <button key={preset} type="button" className="chip-button" onClick={() => applyPreset(presetDueAt(preset, new Date()))}>
                {presetLabels[preset]}
              </button>
            ))}
          </div>
          <div className="form-grid form-grid--two">
            <Field label="Due date" error={errors.due}>
              {(control) => <input {...control} type="date" className="input" required value={date} onChange={(event) => setDate(event.target.value)} />}
            </Field>
            <Field label="Due time">
              {(control) => <input {...control} type="time" className="input" value={time} onChange={(event) => setTime(event.target.value)} />}
            </Field>
          </div>
        </fieldset>
        <div className="form-grid form-grid--two">
          <Field label="Assigned to" error={errors.assignee} hint="Who on the team does it">
            {(control) => (
              <>
                <input {...control} className="input" list={assigneesId} autoComplete="off" value={assignee} onChange={(event) => setAssignee(event.target.value)} />
                <datalist id={assigneesId}>{userName ? <option value={userName} /> : null}</datalist>
              </>
            )}
          </Field>
          <fieldset className="priority-field">
            <legend className="field__label">Priority</legend>
            <div className="segmented">
              {followUpPriorities.map((option) => (
                <label key={option} className="segmented__option">
                  <input type="radio" name={`${formId}-priority`} value={option} checked={priority === option} onChange={() => setPriority(option)} />
                  <span>{priorityLabels[option]}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      </form>
    </Dialog>
  );
}
