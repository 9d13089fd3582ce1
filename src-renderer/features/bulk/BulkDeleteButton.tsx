import { useState } from 'react';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatCount } from '../../ui/format';

interface BulkDeleteButtonProps {
  /** How many rows are selected, and what they are ("deal"): the question says "Delete 3 deals?". */
  count: number;
  noun: string;
  onDelete: () => void;
}

/** "Delete" in a bulk bar: asks first, saying how many rows go and that Undo brings them back. */
export function BulkDeleteButton({ count, noun, onDelete }: BulkDeleteButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const many = formatCount(count, noun);
  return (
    <>
      <Button size="sm" variant="danger" icon="trash" onClick={() => setConfirming(true)}>
        Delete
      </Button>
      {confirming ? (
        <ConfirmDialog
          title={`Delete ${many}?`}
          description="They leave the list on every laptop of the team. Undo brings them back."
          confirmLabel={`Delete ${many}`}
          danger
          onConfirm={() => {
            setConfirming(false);
            onDelete();
          }}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </>
  );
}
