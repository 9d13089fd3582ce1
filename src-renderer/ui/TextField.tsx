import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cx } from './class-names';
import { Field, type TextControlProps } from './Field';

type InputAttributes = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id' | 'prefix' | 'size' | 'className'>;

export interface TextFieldProps extends InputAttributes, TextControlProps {
  /** Shown before or after the text, joined to the box: a currency, a % sign. */
  prefix?: ReactNode;
  suffix?: ReactNode;
  /** Offered as the user types (a datalist): earlier owners, common sources. */
  suggestions?: readonly string[];
  /** lg for the one field a form is about (a name); short and narrow cap the width. */
  size?: 'md' | 'lg';
  width?: 'short' | 'narrow' | 'full';
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
}

/** A labelled text input: <TextField label="Title" value={title} onChange={setTitle} error={errors.title} /> */
export function TextField({ label, value, onChange, error, hint, hideLabel, wide, prefix, suffix, suggestions, size, width = 'full', inputRef, className, ...input }: TextFieldProps) {
  const listId = useId();
  return (
    <Field label={label} error={error} hint={hint} hideLabel={hideLabel} wide={wide} className={className}>
      {(control) => {
        const box = (
          <input
            {...control}
            {...input}
            ref={inputRef}
            className={cx('input', size === 'lg' && 'input--lg', Boolean(prefix || suffix) && 'input-group__input', input.inputMode === 'decimal' && 'numeric')}
            value={value}
            list={suggestions && suggestions.length > 0 ? listId : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
        );
        return (
          <>
            {prefix || suffix ? (
              <div className={cx('input-group', `control--${width}`)}>
                {prefix ? <span className="input-group__addon" aria-hidden="true">{prefix}</span> : null}
                {box}
                {suffix ? <span className="input-group__addon" aria-hidden="true">{suffix}</span> : null}
              </div>
            ) : (
              <div className={cx('control', `control--${width}`)}>{box}</div>
            )}
            {suggestions && suggestions.length > 0 ? (
              <datalist id={listId}>
                {suggestions.map((suggestion) => (
                  <option key={suggestion} value={suggestion} />
                ))}
              </datalist>
            ) : null}
          </>
        );
      }}
    </Field>
  );
}
