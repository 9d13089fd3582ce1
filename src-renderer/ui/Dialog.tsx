import { useId, useRef, type ReactNode } from 'react';
import { cx } from './class-names';
import { useModalDialog } from './use-modal-dialog';
import './Dialog.css';

export interface DialogProps {
  title: string;
  /** Text under the title, read out when the dialog opens. */
  description?: ReactNode;
  onClose: () => void;
  children?: ReactNode;
  /** The footer's buttons, right-aligned; the main one last. */
  actions: ReactNode;
  /** Footer buttons set apart on the left, such as Delete. */
  secondaryActions?: ReactNode;
  /** sm: a question; md: a short form; lg: a long form; xl: previews and editors with tables. */
  size?: 'sm' | 'md' | 'lg' | 'xl';
}

/**
 * A modal dialog on the native <dialog> element (see useModalDialog): the rest of the page is
 * inert, Escape closes, focus goes back. For a form use FormDialog; for a question, ConfirmDialog.
 *   <Dialog title="Quote 1042.pdf" onClose={close} actions={<Button onClick={close}>Close</Button>}>…</Dialog>
 */
export function Dialog({ title, description, onClose, children, actions, secondaryActions, size = 'md' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useModalDialog(ref, onClose);

  return (
    <dialog
      ref={ref}
      className={cx('dialog', `dialog--${size}`)}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
    >
      <div className="dialog__body">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {description ? (
          <div id={descriptionId} className="dialog__description">
            {description}
          </div>
        ) : null}
        {children}
      </div>
      <div className="dialog__actions">
        {secondaryActions ? <div className="dialog__secondary-actions">{secondaryActions}</div> : null}
        {actions}
      </div>
    </dialog>
  );
}
