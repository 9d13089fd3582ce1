import { useId, useState, type FormEvent } from 'react';
import { callDirections, type Call, type CallDirection } from '../../../src-shared/domain/call';
import { formatPhone } from '../../../src-shared/phone';
import { api, ApiError, stripFieldPrefix } from '../../api';
import { useUi } from '../../store';
import { fromDateAndTime, toDateInput, toTimeInput } from '../../ui/dates';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
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
  const outcomes = useUi((state) => state.settings?.callDispositions ?? noOutcomes);
  const [unknownCall, setUnknownCall] = useState<Call | null>(null);
  if (unknownCall) return <UnknownNumberDialog call={unknownCall} onClose={onClose} />;
  return <LogCallForm contact={contact} initialNumber={initialNumber} outcomes={outcomes} onUnknown={setUnknownCall} onClose={onClose} />;
}

interface LogCallFormProps {
  contact: { id: string; name: string } | undefined;
  initialNumber: string | undefined;
  outcomes: readonly string[];
  onUnknown: (call: Call) => void;
  onClose: () => void;
}

function LogCallForm({ contact, initialNumber, outcomes, onUnknown, onClose }: LogCallFormProps) {
  const showError = useUi((state) => state.showError);
  const pushToast = useUi((state) => state.pushToast);
  const formId = useId();
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
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const when = fromDateAndTime(date, time);
    const duration = minutes.trim() === '' ? 0 : Number(minutes.replace(',', '.'));
    const found: Errors = {};
    if (!number.trim()) found.number = 'Enter the number';
    if (when === null) found.when = 'Enter a date and a time';
    if (!Number.isFinite(duration) || duration < 0 || duration > 24 * 60) found.duration = 'Enter the minutes, e.g. 5';
    if (!disposition) found.disposition = 'Choose an outcome';
    setErrors(found);
    if (Object.keys(found).length > 0 || when === null) {
      window.requestAnimationFrame(() => document.getElementById(formId)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
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
      setSaving(false);
      const field = error instanceof ApiError ? error.field : undefined;
      if (field === 'number' || field === 'disposition') setErrors({ [field]: stripFieldPrefix((error as ApiError).message) });
      else showError(error);
    }
  };

  return (
    <Dialog
      title={contact ? `Log a call with ${contact.name}` : 'Log a call'}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button--primary" disabled={saving}>
            {saving ? 'Logging…' : 'Log call'}
          </button>
        </>
      }
    >
      <form id={formId} className="dialog-form" noValidate onSubmit={(event) => void save(event)}>
        <fieldset className="segmented segmented--form">
          <legend className="visually-hidden">Direction</legend>
          {callDirections.map((option) => (
            <label key={option} className="segmented__option">
              <input type="radio" name={`${formId}-direction`} value={option} checked={direction === option} onChange={() => setDirection(option)} />
              <span>{directionLabels[option]}</span>
            </label>
          ))}
        </fieldset>
        <div className="form-grid form-grid--two">
          <Field label="Phone number" error={errors.number}>
            {(control) => (
              <input {...control} type="tel" className="input" autoFocus={!initialNumber} autoComplete="off" value={number} onChange={(event) => setNumber(event.target.value)} />
            )}
          </Field>
          <Field label="Outcome" error={errors.disposition}>
            {(control) => (
              <select
                {...control}
                className="input"
                required
                autoFocus={!!initialNumber}
                value={disposition}
                onChange={(event) => {
                  setDisposition(event.target.value);
                  if (/no answer|missed|voicemail/i.test(event.target.value)) setUnanswered(true);
                }}
              >
                <option value="" disabled>
                  Choose an outcome
                </option>
                {outcomes.map((outcome) => (
                  <option key={outcome} value={outcome}>
                    {outcome.charAt(0).toUpperCase() + outcome.slice(1)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Date" error={errors.when}>
            {(control) => <input {...control} type="date" className="input" value={date} onChange={(event) => setDate(event.target.value)} />}
          </Field>
          <Field label="Time">
            {(control) => <input {...control} type="time" className="input" value={time} onChange={(event) => setTime(event.target.value)} />}
          </Field>
          <Field label="Duration in minutes" error={errors.duration}>
            {(control) => (
              <input {...control} className="input" inputMode="decimal" placeholder="0" value={minutes} onChange={(event) => setMinutes(event.target.value)} />
            )}
          </Field>
          <label className="checkbox checkbox--aligned">
            <input type="checkbox" checked={unanswered} onChange={(event) => setUnanswered(event.target.checked)} />
            <span>
              Nobody answered
              <span className="checkbox__hint">A missed or unanswered call.</span>
            </span>
          </label>
        </div>
        <Field label="Notes">
          {(control) => <textarea {...control} className="input textarea" rows={3} value={notes} onChange={(event) => setNotes(event.target.value)} />}
        </Field>
      </form>
    </Dialog>
  );
}
