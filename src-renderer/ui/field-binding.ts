// Forms whose values are one object (a contact, the settings) bind each field in one spread:
//   const bind = fieldBinding(values, errors, set);
//   <TextField label="Owner" hint="Who looks after them" {...bind('owner')} />
// gives the field its value, its error and a change handler that sets that key.

type TextKeys<Values> = { [K in keyof Values]: Values[K] extends string ? K : never }[keyof Values] & string;

export interface BoundField<Value> {
  value: Value;
  error: string | undefined;
  onChange: (value: Value) => void;
}

export function fieldBinding<Values>(
  values: Values,
  errors: Partial<Record<string, string>>,
  set: <K extends keyof Values>(key: K, value: Values[K]) => void,
): <K extends TextKeys<Values>>(key: K, errorKey?: string) => BoundField<Values[K]> {
  return (key, errorKey = key) => ({ value: values[key], error: errors[errorKey], onChange: (value) => set(key, value) });
}
