import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  /** Text under the title, read out when the dialog opens. */
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** The buttons, right-aligned at the bottom. */
  actions: ReactNode;
  /** `wide` for previews and longer forms. */
  size?: 'normal' | 'wide';
}

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert,
 * which keeps focus inside, and Escape arrives as a `cancel` event that we route to onClose so
 * React stays the owner of whether it is open. Focus returns to where it was when it closes.
 */
export function Dialog({ title, description, onClose, children, actions, size = 'normal' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);

  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.close();
      if (returnFocusTo?.isConnected) returnFocusTo.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={size === 'wide' ? 'dialog dialog--wide' : 'dialog'}
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
      <div className="dialog__actions">{actions}</div>
    </dialog>
  );
}
