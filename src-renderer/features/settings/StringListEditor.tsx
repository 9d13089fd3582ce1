import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { TextField } from '../../ui/TextField';
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
          const label = `${noun} ${index + 1}`;
          return (
            <li key={row.key} className="list-editor__row">
              <TextField label={label} hideLabel value={row.name} error={errors[`${errorPrefix}:${row.key}`]} onChange={(name) => update(row.key, name)} />
              <IconButton icon="arrowUp" label={`Move ${label.toLowerCase()} up`} disabled={index === 0} onClick={() => move(index, -1)} />
              <IconButton icon="arrowDown" label={`Move ${label.toLowerCase()} down`} disabled={index === rows.length - 1} onClick={() => move(index, 1)} />
              <IconButton
                icon="trash"
                label={`Remove ${label.toLowerCase()}${row.name ? ` (${row.name})` : ''}`}
                disabled={rows.length === 1}
                onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
              />
            </li>
          );
        })}
      </ol>
      <Button variant="ghost" size="sm" icon="plus" onClick={() => onChange([...rows, { key: newRowKey(), name: '' }])}>
        Add a {noun.toLowerCase()}
      </Button>
    </div>
  );
}
