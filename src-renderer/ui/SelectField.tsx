import { cx } from './class-names';
import { Field } from './Field';
import { Select, type SelectProps } from './Select';

export interface SelectFieldProps<T extends string> extends Omit<SelectProps<T>, 'id'> {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  hideLabel?: boolean;
  wide?: boolean;
  width?: 'short' | 'narrow' | 'full';
}

/**
 * A labelled select. In a filter bar: <SelectField label="Status" hideLabel size="sm" emptyOption="Any status" … />.
 *   <SelectField label="Stage" value={stageId} options={stages.map((s) => ({ value: s.id, label: s.name }))} onChange={setStageId} />
 */
export function SelectField<T extends string>({ label, error, hint, hideLabel, wide, width = 'full', ...select }: SelectFieldProps<T>) {
  return (
    <Field label={label} error={error} hint={hint} hideLabel={hideLabel} wide={wide}>
      {(control) => (
        <div className={cx('control', `control--${width}`)}>
          <Select {...control} {...select} />
        </div>
      )}
    </Field>
  );
}
