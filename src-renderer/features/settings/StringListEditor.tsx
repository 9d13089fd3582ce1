import { Icon } from '../../ui/Icon';
import { newRowKey, type SettingsErrors, type TypeRow } from './settings-form';

interface StringListEditorProps {
  /** What one entry is, for the labels: "Contact type", "Call outcome". */
  noun: string;
  rows: TypeRow[];
  errors: SettingsErrors;
  /** Errors of a row are keyed `<errorPrefix>:<row key>` (settings-form.ts). */
  errorPrefix: string;
  onChange: (rows: TypeRow[]) => void;
}

/** A list of names (contact types, call outcomes): rename in place, add, remove, reorder. At least one stays. */
export function StringListEditor({ noun, rows, errors, errorPrefix, onChange }: StringListEditorProps) {
  const update = (key: string, name: string) => onChange(rows.map((row) => (row.key === key ? { ...row, name } : row)));
  const move = (index: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (row) next.splice(index + by, 0, row);
    onChange(next);
  };

  return (
    <div className="list-editor">
      <ol className="list-editor__rows">
        {rows.map((row, index) => {
          const error = errors[`${errorPrefix}:${row.key}`];
          const inputId = `${errorPrefix}-${row.key}`;
          const label = `${noun} ${index + 1}`;
          return (
            <li key={row.key} className={error ? 'list-editor__row field--invalid' : 'list-editor__row'}>
              <label htmlFor={inputId} className="visually-hidden">
                {label}
              </label>
              <input
                id={inputId}
                className="input"
                value={row.name}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${inputId}-error` : undefined}
                onChange={(event) => update(row.key, event.target.value)}
              />
              <button type="button" className="icon-button" aria-label={`Move ${label.toLowerCase()} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                <Icon name="arrowUp" size={16} />
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Move ${label.toLowerCase()} down`}
                disabled={index === rows.length - 1}
                onClick={() => move(index, 1)}
              >
                <Icon name="arrowDown" size={16} />
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${label.toLowerCase()}${row.name ? ` (${row.name})` : ''}`}
                disabled={rows.length === 1}
                onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
              >
                <Icon name="trash" size={16} />
              </button>
              {error ? (
                <p id={`${inputId}-error`} className="field__error list-editor__error">
                  {error}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button--ghost button--small" onClick={() => onChange([...rows, { key: newRowKey(), name: '' }])}>
        <Icon name="plus" size={14} /> Add a {noun.toLowerCase()}
      </button>
    </div>
  );
}
