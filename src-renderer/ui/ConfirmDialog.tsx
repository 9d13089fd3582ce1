import type { ReactNode } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** Shown on the confirm button while the answer is being carried out. */
  busy?: boolean;
  busyLabel?: string;
  cancelLabel?: string;
  /** Deleting, revoking, removing: the confirm button says so in red. */
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * A question with two answers. The confirming one has the focus, unless it destroys something:
 * then Cancel has it, so a stray Enter changes nothing.
 *   <ConfirmDialog title="Revoke Bob's laptop?" description="…" confirmLabel="Revoke device" danger onConfirm={revoke} onClose={close} />
 */
export function ConfirmDialog({ title, description, confirmLabel, busy, busyLabel, cancelLabel = 'Cancel', danger, onConfirm, onClose }: ConfirmDialogProps) {
  return (
    <Dialog
      title={title}
      description={description}
      size="sm"
      onClose={onClose}
      actions={
        <>
          <Button autoFocus={danger} onClick={onClose}>
            {cancelLabel}
          </Button>
          <Button
            variant={danger ? 'destructive' : 'primary'}
            autoFocus={!danger}
            aria-disabled={busy || undefined}
            onClick={() => {
              if (!busy) onConfirm();
            }}
          >
            {busy && busyLabel ? busyLabel : confirmLabel}
          </Button>
        </>
      }
    />
  );
}
