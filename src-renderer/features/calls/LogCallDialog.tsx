import { useState } from 'react';
import { callDirections, type Call, type CallDirection } from '../../../src-shared/domain/call';
import { formatPhone } from '../../../src-shared/phone';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { Checkbox } from '../../ui/Checkbox';
import { fromDateAndTime, toDateInput, toTimeInput } from '../../ui/dates';
import { FormDialog } from '../../ui/FormDialog';
import { FormGrid } from '../../ui/FormGrid';
import { Segmented } from '../../ui/Segmented';
import { toOptions } from '../../ui/Select';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { directionLabels } from './call-format';
import { UnknownNumberDialog } from './UnknownNumberDialog';

interface LogCallDialogProps {
  /** Logging from a contact's page: the call is theirs, whatever the number. */
  contact?: { id: string; name: string } | undefined;
  number?: string | undefined;
  onClose: () => void;
}

type Errors = Partial<Record<'number' | 'when' | 'duration' | 'disposition', string>>;

const noOutcomes: readonly string[] = [];

/**
 * Log a call by hand. The core matches the number to a contact; when nobody has it, the dialog
 * offers to create the contact with the number filled in, and the call is linked once it is saved.
 */
export function LogCallDialog({ contact, number: initialNumber, onClose }: LogCallDialogProps) {
  const [unknownCall, setUnknownCall] = useState<Call | null>(null);
  if (unknownCall) return <UnknownNumberDialog call={unknownCall} onClose={onClose} />;
  return <LogCallForm contact={contact} initialNumber={initialNumber} onUnknown={setUnknownCall} onClose={onClose} />;
}

interface LogCallFormProps {
  contact: { id: string; name: string } | undefined;
  initialNumber: string | undefined;
  onUnknown: (call: Call) => void;
  onClose: () => void;
}

function LogCallForm({ contact, initialNumber, onUnknown, onClose }: LogCallFormProps) {
  const outcomes = useUi((state) => state.settings?.callDispositions ?? noOutcomes);
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const [startedAt] = useState(() => Date.now());
  const [direction, setDirection] = useState<CallDirection>('inbound');
  const [number, setNumber] = useState(initialNumber ? formatPhone(initialNumber) : '');
  const [date, setDate] = useState(toDateInput(startedAt));
  const [time, setTime] = useState(toTimeInput(startedAt));
  const [minutes, setMinutes] = useState('');
  const [disposition, setDisposition] = useState('');
  const [unanswered, setUnanswered] = useState(false);
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const save = async () => {
    const when = fromDateAndTime(date, time);
    const duration = minutes.trim() === '' ? 0 : Number(minutes.replace(',', '.'));
    const found: Errors = {};
    if (!number.trim()) found.number = 'Enter the number';
    if (when === null) found.when = 'Enter a date and a time';
    if (!Number.isFinite(duration) || duration < 0 || duration > 24 * 60) found.duration = 'Enter the minutes, e.g. 5';
    if (!disposition) found.disposition = 'Choose an outcome';
    setErrors(found);
    if (Object.keys(found).length > 0 || when === null) return;
    try {
      const call = await api.invoke('calls.log', {
        direction,
        number,
        startedAt: when,
        durationSeconds: Math.round(duration * 60),
        status: unanswered ? 'no-answer' : 'completed',
        disposition,
        notes,
        ...(contact ? { contactId: contact.id } : {}),
      });
      if (call.contactId) {
        pushToast({ message: `Call logged for ${call.contactName ?? contact?.name ?? 'the contact'}` });
        onClose();
      } else {
        onUnknown(call);
      }
    } catch (error) {
      const field = error instanceof ApiError ? error.field : undefined;
      if (field === 'number' || field === 'disposition') setErrors({ [field]: stripFieldPrefix((error as ApiError).message) });
      else showError(error);
    }
  };

  return (
    <FormDialog title={contact ? `Log a call with ${contact.name}` : 'Log a call'} submitLabel="Log call" savingLabel="Logging…" onSubmit={save} onClose={onClose}>
      <Segmented label="Direction" options={callDirections} labels={directionLabels} value={direction} onChange={setDirection} />
      <FormGrid columns={2}>
        <TextField label="Phone number" type="tel" autoFocus={!initialNumber} autoComplete="off" value={number} error={errors.number} onChange={setNumber} />
        <SelectField
          label="Outcome"
          required
          autoFocus={!!initialNumber}
          placeholder="Choose an outcome"
          options={toOptions(outcomes)}
          value={disposition}
          error={errors.disposition}
          onChange={(outcome) => {
            setDisposition(outcome);
            if (/no answer|missed|voicemail/i.test(outcome)) setUnanswered(true);
          }}
        />
        <TextField label="Date" type="date" value={date} error={errors.when} onChange={setDate} />
        <TextField label="Time" type="time" value={time} onChange={setTime} />
        <TextField label="Duration in minutes" inputMode="decimal" placeholder="0" value={minutes} error={errors.duration} onChange={setMinutes} />
        <div className="log-call__answered">
          <Checkbox label="Nobody answered" hint="A missed or unanswered call." checked={unanswered} onChange={setUnanswered} />
        </div>
      </FormGrid>
      <TextAreaField label="Notes" value={notes} onChange={setNotes} />
    </FormDialog>
  );
}
