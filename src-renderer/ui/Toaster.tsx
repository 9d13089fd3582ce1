import { useEffect, useState } from 'react';
import { useUi, type Toast } from '../store';
import { IconButton } from './IconButton';
import './Toaster.css';

const visibleForMs = 8000;

/** Toasts in a polite live region; each one stays while the pointer or focus is on it. */
export function Toaster() {
  const toasts = useUi((state) => state.toasts);
  return (
    <div className="toaster" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const dismissToast = useUi((state) => state.dismissToast);
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (held) return;
    const timer = window.setTimeout(() => dismissToast(toast.id), visibleForMs);
    return () => window.clearTimeout(timer);
  }, [held, toast.id, dismissToast]);

  return (
    <div
      className="toast"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <p className="toast__message">{toast.message}</p>
      {toast.action ? (
        <button
          type="button"
          className="toast__action"
          onClick={() => {
            dismissToast(toast.id);
            toast.action?.run();
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <IconButton icon="close" label="Dismiss" inverse onClick={() => dismissToast(toast.id)} />
    </div>
  );
}
