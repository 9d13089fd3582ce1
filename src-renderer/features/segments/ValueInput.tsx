import { useState } from 'react';
import { fieldSpec, type SegmentCriterion } from '../../../src-shared/domain/segment';
import { Checkbox } from '../../ui/Checkbox';
import { Segmented } from '../../ui/Segmented';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { optionLabel } from './field-options';

interface ValueInputProps {
  criterion: SegmentCriterion;
  /** "criterion 1.2": the end of every control's accessible name. */
  where: string;
  /** Choices for fields whose values are ids (deal stages). */
  choices?: readonly { value: string; label: string }[];
  onChange: (value: SegmentCriterion['value']) => void;
}

/** yyyy-mm-dd of a moment, in this computer's zone, for <input type="date">. */
function dateText(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function fromDateText(text: string): number | null {
  const ms = new Date(`${text}T00:00`).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** A number typed as text; money is typed in pounds and stored in pence. */
function NumberInput({ label, value, money, onChange }: { label: string; value: number; money: boolean; onChange: (value: number) => void }) {
  const shown = money ? value / 100 : value;
  const [text, setText] = useState(String(shown));
  const parsed = Number(text.replace(/,/g, ''));
  // Follow a value changed from outside (another operator chosen) without losing what is being typed.
  const display = Number.isFinite(parsed) && parsed === shown ? text : String(shown);
  return (
    <TextField
      label={label}
      hideLabel
      width="short"
      inputMode="decimal"
      prefix={money ? '£' : undefined}
      value={display}
      onChange={(next) => {
        setText(next);
        const number = Number(next.replace(/,/g, ''));
        if (next.trim() !== '' && Number.isFinite(number)) onChange(money ? Math.round(number * 100) : number);
      }}
    />
  );
}

function DateInput({ label, value, onChange }: { label: string; value: number; onChange: (value: number) => void }) {
  return (
    <TextField
      label={label}
      hideLabel
      width="short"
      type="date"
      value={dateText(value)}
      onChange={(text) => {
        const ms = fromDateText(text);
        if (ms !== null) onChange(ms);
      }}
    />
  );
}

/** Several values typed with commas between them ("landlord, tenant"). */
function ListInput({ label, value, onChange }: { label: string; value: string[]; onChange: (value: string[]) => void }) {
  const [text, setText] = useState(value.join(', '));
  return (
    <TextField
      label={label}
      hideLabel
      placeholder="Values, separated by commas"
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(next.split(',').map((part) => part.trim()).filter(Boolean));
      }}
    />
  );
}

/** The value part of a criterion, drawn for its field's type and its operator. */
export function ValueInput({ criterion, where, choices, onChange }: ValueInputProps) {
  const spec = fieldSpec(criterion.field);
  const label = `Value of ${where}`;
  const options = spec.options?.map((option) => ({ value: option, label: optionLabel(criterion.field, option) })) ?? choices;
  const { op, value } = criterion;

  if (op === 'is') {
    return <Segmented label={label} options={['yes', 'no'] as const} labels={{ yes: 'Yes', no: 'No' }} value={value ? 'yes' : 'no'} onChange={(answer) => onChange(answer === 'yes')} />;
  }
  if (op === 'in' || op === 'not_in') {
    const chosen = value as string[];
    if (!options) return <ListInput label={label} value={chosen} onChange={onChange} />;
    return (
      <fieldset className="segment-choices">
        <legend className="visually-hidden">{label}</legend>
        {options.map((option) => (
          <Checkbox
            key={option.value}
            variant="chip"
            label={option.label}
            checked={chosen.includes(option.value)}
            onChange={(on) => onChange(on ? [...chosen, option.value] : chosen.filter((one) => one !== option.value))}
          />
        ))}
      </fieldset>
    );
  }
  if (op === 'between') {
    const [low, high] = value as [number, number];
    const edge = (edgeLabel: string, edgeValue: number, set: (next: number) => void) =>
      spec.type === 'date' ? (
        <DateInput label={edgeLabel} value={edgeValue} onChange={set} />
      ) : (
        <NumberInput label={edgeLabel} value={edgeValue} money={spec.type === 'money'} onChange={set} />
      );
    return (
      <span className="segment-range">
        {edge(`From, ${label}`, low, (next) => onChange([next, high]))}
        <span aria-hidden="true">and</span>
        {edge(`To, ${label}`, high, (next) => onChange([low, next]))}
      </span>
    );
  }
  if (op === 'in_last_days') {
    return (
      <span className="segment-range">
        <NumberInput label={label} value={value as number} money={false} onChange={onChange} />
        <span>{(value as number) === 1 ? 'day' : 'days'}</span>
      </span>
    );
  }
  if (op === 'before' || op === 'after') return <DateInput label={label} value={value as number} onChange={onChange} />;
  if (spec.type === 'number' || spec.type === 'money') return <NumberInput label={label} value={value as number} money={spec.type === 'money'} onChange={onChange} />;
  if (options) {
    return <SelectField label={label} hideLabel placeholder="Choose…" options={options} value={value as string} onChange={onChange} />;
  }
  return <TextField label={label} hideLabel placeholder="Value" value={value as string} onChange={onChange} />;
}

