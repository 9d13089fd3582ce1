import { useState } from 'react';
import { FormDialog } from '../../ui/FormDialog';
import type { SelectOption } from '../../ui/Select';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';

export interface BulkQuestion {
  title: string;
  /** Says how many rows it will change. */
  description: string;
  label: string;
  submitLabel: string;
  /** A choice from a list; without it, typed text with these suggestions. */
  options?: readonly SelectOption[];
  suggestions?: readonly string[];
  /** The typed value's kind, for a time ("datetime-local"); text when absent. */
  inputType?: 'text' | 'datetime-local';
  onAnswer: (value: string) => void;
}

/** The one value a bulk action needs: the tag to add, the owner, the status. */
export function BulkValueDialog({ question, onClose }: { question: BulkQuestion; onClose: () => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = () => {
    const answer = value.trim();
    if (!answer) return setError(question.options ? 'Choose one' : `Enter the ${question.label.toLowerCase()}`);
    onClose();
    question.onAnswer(answer);
  };
  return (
    <FormDialog title={question.title} description={question.description} submitLabel={question.submitLabel} onSubmit={submit} onClose={onClose} size="sm">
      {question.options ? (
        <SelectField label={question.label} value={value} options={question.options} placeholder="Choose…" onChange={setValue} error={error} />
      ) : (
        <TextField
          label={question.label}
          type={question.inputType ?? 'text'}
          value={value}
          onChange={setValue}
          suggestions={question.suggestions}
          autoComplete="off"
          autoFocus
          error={error}
        />
      )}
    </FormDialog>
  );
}
