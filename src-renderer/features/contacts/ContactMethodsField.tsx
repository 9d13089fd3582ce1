import { capitalise } from '../../ui/format';
import { Icon } from '../../ui/Icon';
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
}

/** A list of typed phones or e-mails: add, edit, change the type, remove. */
export function ContactMethodsField<Type extends string>(props: ContactMethodsFieldProps<Type>) {
  const { legend, rowLabel, noun, errorPrefix, types, rows, inputType, errors, onChange } = props;
  const update = (key: string, patch: Partial<MethodRow<Type>>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const defaultType = types[0];

  return (
    <fieldset className="method-group">
      <legend className="field__label">{legend}</legend>
      {rows.map((row, index) => {
        const number = rows.length > 1 ? ` ${index + 1}` : '';
        const label = `${rowLabel}${number}`;
        const error = errors[`${errorPrefix}:${row.key}`];
        const inputId = `${errorPrefix}-${row.key}`;
        const errorId = `${inputId}-error`;
        return (
          <div key={row.key} className={error ? 'method-row field--invalid' : 'method-row'}>
            <label htmlFor={`${inputId}-type`} className="visually-hidden">
              {`${noun}${number} type`}
            </label>
            <select
              id={`${inputId}-type`}
              className="input method-row__type"
              value={row.type}
              onChange={(event) => update(row.key, { type: event.target.value as Type })}
            >
              {types.map((type) => (
                <option key={type} value={type}>
                  {capitalise(type)}
                </option>
              ))}
            </select>
            <label htmlFor={inputId} className="visually-hidden">
              {label}
            </label>
            <input
              id={inputId}
              className="input method-row__value"
              type={inputType}
              inputMode={inputType === 'tel' ? 'tel' : 'email'}
              autoComplete="off"
              value={row.value}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => update(row.key, { value: event.target.value })}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${noun.toLowerCase()}${number}`}
              onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
            >
              <Icon name="close" size={16} />
            </button>
            {error ? (
              <p id={errorId} className="field__error method-row__error">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      {defaultType !== undefined ? (
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => onChange([...rows, { key: newRowKey(), type: defaultType, value: '' }])}
        >
          <Icon name="plus" size={14} /> {rows.length > 0 ? `Add another ${noun.toLowerCase()}` : `Add ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun.toLowerCase()}`}
        </button>
      ) : null}
    </fieldset>
  );
}
