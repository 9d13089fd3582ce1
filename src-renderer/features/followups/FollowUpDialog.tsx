import { useState } from 'react';
import { followUpPresets, followUpPriorities, presetDueAt, type FollowUp, type FollowUpPriority } from '../../../src-shared/domain/follow-up';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { ChipButton } from '../../ui/ChipButton';
import { ContactPicker, type PickedContact } from '../../ui/ContactPicker';
import { fromDateAndTime, toDateInput, toTimeInput } from '../../ui/dates';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { FormGrid } from '../../ui/FormGrid';
import { Segmented } from '../../ui/Segmented';
import { TextField } from '../../ui/TextField';
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
  const [initialDue] = useState(() => followUp?.dueAt ?? presetDueAt('tomorrow_9', new Date()));
  const [picked, setPicked] = useState<PickedContact | null>(contact ?? null);
  const [title, setTitle] = useState(followUp?.title ?? '');
  const [date, setDate] = useState(toDateInput(initialDue));
  const [time, setTime] = useState(toTimeInput(initialDue));
  const [assignee, setAssignee] = useState(followUp?.assignee ?? userName);
  const [priority, setPriority] = useState<FollowUpPriority>(followUp?.priority ?? 'normal');
  const [errors, setErrors] = useState<Errors>({});

  const applyPreset = (dueAt: number) => {
    setDate(toDateInput(dueAt));
    setTime(toTimeInput(dueAt));
    setErrors(({ due: _due, ...rest }) => rest);
  };

  const save = async () => {
    const dueAt = fromDateAndTime(date, time);
    const found: Errors = {};
    if (!picked) found.contact = 'Choose who this follow-up is for';
    if (!title.trim()) found.title = 'Say what needs doing';
    if (dueAt === null) found.due = 'Enter a date and a time';
    setErrors(found);
    if (Object.keys(found).length > 0 || dueAt === null || !picked) return;
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
      if (error instanceof ApiError && error.field) {
        const key = error.field.includes('title') ? 'title' : error.field.includes('due') ? 'due' : error.field.includes('assignee') ? 'assignee' : 'contact';
        setErrors({ [key]: stripFieldPrefix(error.message) });
      } else {
        showError(error);
      }
    }
  };

  return (
    <FormDialog
      title={followUp ? 'Edit follow-up' : picked && contact ? `New follow-up for ${picked.name}` : 'New follow-up'}
      submitLabel={followUp ? 'Save follow-up' : 'Add follow-up'}
      savingLabel="Saving…"
      onSubmit={save}
      onClose={onClose}
    >
      {!contact && !followUp ? (
        <Field label="Contact" error={errors.contact}>
          {(control) => <ContactPicker {...control} value={picked} onChange={setPicked} />}
        </Field>
      ) : null}
      <TextField label="What needs doing" autoFocus autoComplete="off" placeholder="e.g. Call back about the boiler quote" value={title} error={errors.title} onChange={setTitle} />
      <fieldset className="follow-up-due">
        <legend className="field__label">Due</legend>
        <div className="follow-up-due__presets" role="group" aria-label="Quick picks">
          {followUpPresets.map((preset) => (
            <ChipButton key={preset} onClick={() => applyPreset(presetDueAt(preset, new Date()))}>
              {presetLabels[preset]}
            </ChipButton>
          ))}
        </div>
        <FormGrid columns={2}>
          <TextField label="Due date" type="date" required value={date} error={errors.due} onChange={setDate} />
          <TextField label="Due time" type="time" value={time} onChange={setTime} />
        </FormGrid>
      </fieldset>
      <FormGrid columns={2}>
        <TextField
          label="Assigned to"
          hint="Who on the team does it"
          autoComplete="off"
          suggestions={userName ? [userName] : []}
          value={assignee}
          error={errors.assignee}
          onChange={setAssignee}
        />
        <Segmented label="Priority" showLabel options={followUpPriorities} labels={priorityLabels} value={priority} onChange={setPriority} />
      </FormGrid>
    </FormDialog>
  );
}
