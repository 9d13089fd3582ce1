import type { TextareaHTMLAttributes } from 'react';
import { Field, type TextControlProps } from './Field';

type TextAreaAttributes = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'id' | 'className'>;

export interface TextAreaFieldProps extends TextAreaAttributes, TextControlProps {}

/** A labelled box for a few lines of text: <TextAreaField label="Notes" rows={3} value={notes} onChange={setNotes} /> */
export function TextAreaField({ label, value, onChange, error, hint, hideLabel, wide, rows = 3, ...textarea }: TextAreaFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} hideLabel={hideLabel} wide={wide}>
      {(control) => (
        <textarea {...control} {...textarea} rows={rows} className="input input--multiline" value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}
