import { Segmented } from '../../ui/Segmented';
import { runWithUndo } from '../../ui/undoable';
import { Stack } from '../../ui/Stack';

export type Side = 'survivor' | 'other';

interface MergeFieldChoicesProps<F extends string> {
  /** The fields whose values differ, each with its label and the two values as shown. */
  fields: readonly { field: F; label: string; survivor: string; other: string }[];
  /** The fields taken from the other record. */
  fromOther: readonly F[];
  onChange: (fromOther: F[]) => void;
}

/** The merge dialogs' field-by-field choice: for each field that differs, keep this record's value or take the other's. */
export function MergeFieldChoices<F extends string>({ fields, fromOther, onChange }: MergeFieldChoicesProps<F>) {
  if (fields.length === 0) return <p className="muted">Every field is the same on both: nothing to choose.</p>;
  return (
    <Stack gap="md">
      {fields.map(({ field, label, survivor, other }) => (
        <Segmented<Side>
          key={field}
          label={label}
          showLabel
          options={['survivor', 'other']}
          labels={{ survivor: survivor || '(empty)', other: other || '(empty)' }}
          value={fromOther.includes(field) ? 'other' : 'survivor'}
          onChange={(side) => onChange(side === 'other' ? [...fromOther.filter((f) => f !== field), field] : fromOther.filter((f) => f !== field))}
        />
      ))}
    </Stack>
  );
}

/**
 * Runs a merge that answers an undo id, and offers Undo (toast and Ctrl+Z) through its unmerge
 * channel; answers whether the merge was made. The two merge dialogs share it.
 */
export async function mergeWithUndo(merge: () => Promise<{ undoId: string }>, unmerge: (undoId: string) => Promise<unknown>, message: string): Promise<boolean> {
  let undoId = '';
  return runWithUndo({
    run: async () => {
      undoId = (await merge()).undoId;
    },
    message,
    undo: () => unmerge(undoId),
    undoneMessage: 'Merge undone',
  });
}
