import { useEffect, useRef, type ReactNode } from 'react';

let firstScreenShown = false;

/**
 * The screen's h1. After in-app navigation it takes focus, so screen readers announce the new
 * screen and Tab continues from its top instead of from a button that no longer exists.
 */
export function PageTitle({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!firstScreenShown) {
      firstScreenShown = true;
      return;
    }
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={['page-title', className ?? ''].filter(Boolean).join(' ')}>
      {children}
    </h1>
  );
}
