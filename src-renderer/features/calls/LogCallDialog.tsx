import { useState } from 'react';
import { callDirections, unansweredOutcomeOf, type Call, type CallDirection, type NumberOwner } from '../../../src-shared/domain/call';
import { formatPhone } from '../../../src-shared/phone';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { ContactPicker, type PickedContact } from '../../ui/ContactPicker';
import { fromDateAndTime, toDateInput, toTimeInput } from '../../ui/dates';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';
import { FormGrid } from '../../ui/FormGrid';
import { Segmented } from '../../ui/Segmented';
import type { SelectOption } from '../../ui/Select';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { directionLabels } from './call-format';
import { useNumberOwner } from './hooks';
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
 * Log a call by hand. The contact is found by name or number as it is typed, and a typed number
 * says whose it is; the core links the call by number unless a contact was chosen. When nobody has
 * the number, the dialog offers to create the contact with it filled in, and links the call.
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

function LogCallForm({ contact: fixedContact, initialNumber, onUnknown, onClose }: LogCallFormProps) {
  const outcomes = useUi((state) => state.settings?.callDispositions ?? noOutcomes);
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const [startedAt] = useState(() => Date.now());
  const [direction, setDirection] = useState<CallDirection>('inbound');
  const [picked, setPicked] = useState<PickedContact | null>(null);
  const [number, setNumber] = useState(initialNumber ? formatPhone(initialNumber) : '');
  const [date, setDate] = useState(toDateInput(startedAt));
  const [time, setTime] = useState(toTimeInput(startedAt));
  const [minutes, setMinutes] = useState('');
  const [disposition, setDisposition] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const contact = fixedContact ?? picked;
  const owner = useNumberOwner(number);
  const nobodyAnswered = unansweredOutcomeOf(outcomes);
  const outcomeOptions: SelectOption<string>[] = [
    { value: nobodyAnswered, label: 'Nobody answered' },
    ...outcomes.filter((outcome) => outcome !== nobodyAnswered).map((outcome) => ({ value: outcome, label: outcome.charAt(0).toUpperCase() + outcome.slice(1) })),
  ];

  const pickContact = (next: PickedContact | null) => {
    setPicked(next);
    // Their number, unless one was typed already: calling someone from the list is calling their phone.
    if (next?.primaryPhone && !number.trim()) setNumber(formatPhone(next.primaryPhone));
  };

  const save = async () => {
    const when = fromDateAndTime(date, time);
    const duration = minutes.trim() === '' ? 0 : Number(minutes.replace(',', '.'));
    const found: Errors = {};
    if (!number.trim()) found.number = contact ? `${contact.name} has no phone number here: type the number` : 'Type the number, or pick the contact';
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
    <FormDialog title={fixedContact ? `Log a call with ${fixedContact.name}` : 'Log a call'} submitLabel="Log call" savingLabel="Logging…" onSubmit={save} onClose={onClose}>
      <Segmented label="Direction" options={callDirections} labels={directionLabels} value={direction} onChange={setDirection} />
      <FormGrid columns={2}>
        {fixedContact ? null : (
          <Field label="Contact" hint="Type a name, company or number">
            {(control) => <ContactPicker {...control} data-autofocus={!initialNumber || undefined} value={picked} onChange={pickContact} placeholder="Who was it?" />}
          </Field>
        )}
        <TextField
          label="Phone number"
          type="tel"
          data-autofocus={(!!fixedContact && !initialNumber) || undefined}
          autoComplete="off"
          value={number}
          error={errors.number}
          hint={ownerHint(owner, contact)}
          onChange={setNumber}
        />
        <SelectField
          label="Outcome"
          required
          data-autofocus={!!initialNumber || undefined}
          placeholder="Choose an outcome"
          options={outcomeOptions}
          value={disposition}
          error={errors.disposition}
          onChange={setDisposition}
        />
        <TextField label="Duration in minutes" inputMode="decimal" placeholder="0" value={minutes} error={errors.duration} onChange={setMinutes} />
        <TextField label="Date" type="date" value={date} error={errors.when} onChange={setDate} />
        <TextField label="Time" type="time" value={time} onChange={setTime} />
      </FormGrid>
      <TextAreaField label="Notes" value={notes} onChange={setNotes} />
    </FormDialog>
  );
}

/** Under the number: whose it is, so a known caller is recognised before the call is saved. */
function ownerHint(owner: NumberOwner | undefined, contact: { id: string; name: string } | null | undefined): string | undefined {
  if (!owner?.number) return undefined;
  if (!owner.contact) return contact ? `Not on any contact yet; the call goes to ${contact.name}` : 'Nobody has this number yet';
  if (contact && contact.id !== owner.contact.id) return `${owner.contact.name}'s number; the call goes to ${contact.name}`;
  return `${owner.contact.name}'s number`;
}
