import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from './Button';
import { Dialog, type DialogProps } from './Dialog';
import { Notice } from './Notice';

export interface FormDialogProps extends Omit<DialogProps, 'actions' | 'children'> {
  /** Checks and saves. Field errors are the caller's state; once it settles, focus goes to the first field marked aria-invalid. */
  onSubmit: () => void | Promise<void>;
  submitLabel: string;
  /** Shown on the submit button while onSubmit runs ("Saving…"). */
  savingLabel?: string;
  cancelLabel?: string;
  /** A problem with the form as a whole, above the footer. */
  error?: string | undefined;
  /** More footer buttons before Cancel (Open contact). */
  extraActions?: ReactNode;
  /** Below the form and outside it: a part with its own buttons (a deal's quotes). */
  after?: ReactNode;
  children: ReactNode;
}

/**
 * A dialog around a form, with its footer (Cancel and the submit button), the saving state and the
 * form's errors done once for every dialog. Enter in a field submits.
 *   <FormDialog title="New deal" submitLabel="Add deal" savingLabel="Saving…" onSubmit={save} onClose={close}>
 *     <TextField label="Title" value={title} onChange={setTitle} error={errors.title} />
 *   </FormDialog>
 */
export function FormDialog({ onSubmit, submitLabel, savingLabel, cancelLabel = 'Cancel', error, extraActions, after, children, ...dialog }: FormDialogProps) {
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);

  // After each attempt has rendered its errors, take the user to the first field that needs attention.
  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      await onSubmit();
    } finally {
      setSaving(false);
      setAttempt((count) => count + 1);
    }
  };

  return (
    <Dialog
      {...dialog}
      actions={
        <>
          {extraActions}
          <Button onClick={dialog.onClose}>{cancelLabel}</Button>
          <Button submit form={formId} variant="primary" busy={saving} busyLabel={savingLabel}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form id={formId} ref={formRef} className="dialog__form" noValidate onSubmit={(event) => void submit(event)}>
        {children}
      </form>
      {error ? (
        <Notice tone="danger" role="alert">
          {error}
        </Notice>
      ) : null}
      {after}
    </Dialog>
  );
}
