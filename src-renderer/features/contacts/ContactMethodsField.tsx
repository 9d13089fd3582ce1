import type { ReactNode } from 'react';
import { Button } from '../../ui/Button';
import { FieldError } from '../../ui/Field';
import { IconButton } from '../../ui/IconButton';
import { Select, toOptions } from '../../ui/Select';
import { Stack } from '../../ui/Stack';
import { newRowKey, type FormErrors, type MethodRow } from './form-model';

interface ContactMethodsFieldProps<Type extends string> {
  /** 'Phones' or 'E-mails': the group's legend. */
  legend: string;
  /** 'Phone number' or 'E-mail address': each row's label, numbered when there are several. */
  rowLabel: string;
  /** 'Phone' or 'E-mail': names the row's type select and remove button, kept apart from rowLabel
   * so that finding a field by its label never matches the select or the button too. */
  noun: string;
  /** Prefix of this group's keys in the form errors ('phone' / 'email'). */
  errorPrefix: string;
  types: readonly Type[];
  rows: MethodRow<Type>[];
  inputType: 'tel' | 'email';
  errors: FormErrors;
  onChange: (rows: MethodRow<Type>[]) => void;
  /** Before a row's input (a phone's country); `number` is ' 2' when rows are numbered, else ''. */
  leading?: (row: MethodRow<Type>, number: string) => ReactNode;
  /** Under a row (a question about the number). */
  below?: (row: MethodRow<Type>) => ReactNode;
}

/** A list of typed phones or e-mails: add, edit, change the type, remove. */
export function ContactMethodsField<Type extends string>(props: ContactMethodsFieldProps<Type>) {
  const { legend, rowLabel, noun, errorPrefix, types, rows, inputType, errors, onChange, leading, below } = props;
  const update = (key: string, patch: Partial<MethodRow<Type>>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const defaultType = types[0];

  return (
    <Stack as="fieldset" gap="sm" align="start">
      <legend className="field__label">{legend}</legend>
      {rows.map((row, index) => {
        const number = rows.length > 1 ? ` ${index + 1}` : '';
        const error = errors[`${errorPrefix}:${row.key}`];
        const inputId = `${errorPrefix}-${row.key}`;
        return (
          <div key={row.key} className="method-row">
            <Select aria-label={`${noun}${number} type`} options={toOptions(types)} value={row.type} onChange={(type) => update(row.key, { type })} />
            {leading?.(row, number)}
            <input
              id={inputId}
              aria-label={`${rowLabel}${number}`}
              className="input"
              type={inputType}
              inputMode={inputType === 'tel' ? 'tel' : 'email'}
              autoComplete="off"
              value={row.value}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${inputId}-error` : undefined}
              onChange={(event) => update(row.key, { value: event.target.value })}
            />
            <IconButton icon="close" label={`Remove ${noun.toLowerCase()}${number}`} onClick={() => onChange(rows.filter((other) => other.key !== row.key))} />
            {error ? <FieldError id={`${inputId}-error`}>{error}</FieldError> : null}
            {below?.(row)}
          </div>
        );
      })}
      {defaultType !== undefined ? (
        <Button variant="ghost" size="sm" icon="plus" onClick={() => onChange([...rows, { key: newRowKey(), type: defaultType, value: '' }])}>
          {rows.length > 0 ? `Add another ${noun.toLowerCase()}` : `Add ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun.toLowerCase()}`}
        </Button>
      ) : null}
    </Stack>
  );
}
