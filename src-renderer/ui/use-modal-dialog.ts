import { useEffect, useRef, type RefObject } from 'react';

/**
 * Opens a native <dialog> as a modal while the component is mounted: showModal() makes the rest of
 * the page inert, which keeps focus inside; Escape arrives as a `cancel` event that goes to
 * onClose, so React stays the owner of whether it is open; focus returns to where it was when it
 * closes; a control marked `data-autofocus` gets the focus first. Dialog uses it; so does anything else drawn in a <dialog> (the command palette).
 */
export function useModalDialog(ref: RefObject<HTMLDialogElement | null>, onClose: () => void): void {
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // showModal focuses the first control; React's autoFocus ran while the dialog was still hidden
    // and did nothing, so a control that should start with the focus says so with data-autofocus.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
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
  }, [ref]);
}
