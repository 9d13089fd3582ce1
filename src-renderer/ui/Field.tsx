import { useId, type ReactNode } from 'react';
import { cx } from './class-names';
import './Field.css';

/** What a control inside a Field spreads on itself, so its label, hint and error belong to it. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** Visually hide the label when the layout already says it (it stays the accessible name). */
  hideLabel?: boolean;
  /** Take the whole row of a FormGrid. */
  wide?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A label, its control, a hint and an error, tied together for assistive technology. TextField,
 * TextAreaField and SelectField cover the usual controls; Field takes any other:
 *   <Field label="Contact" error={errors.contact}>{(control) => <ContactPicker {...control} value={…} onChange={…} />}</Field>
 */
export function Field({ label, error, hint, hideLabel, wide, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = error ? errorId : hint ? hintId : undefined;
  return (
    <div className={cx('field', error && 'field--invalid', wide && 'field--wide', className)}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && !error ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}

/** An error under a control that is not in a Field (a row of a list editor); `id` is what the control's aria-describedby names. */
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="field__error">
      {children}
    </p>
  );
}

/** What every labelled text control takes (TextField, TextAreaField): its label, value and messages. */
export interface TextControlProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  hideLabel?: boolean;
  wide?: boolean;
}
