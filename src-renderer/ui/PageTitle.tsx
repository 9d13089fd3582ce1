import { useEffect, useRef, type ReactNode } from 'react';

let firstScreenShown = false;

/**
 * The screen's h1 (PageHeader draws it). After in-app navigation it takes focus, so screen readers
 * announce the new screen and Tab continues from its top instead of from a button that is gone.
 * A screen still loading uses a plain <h1 className="page-title">: focus belongs to it once loaded.
 */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!firstScreenShown) {
      firstScreenShown = true;
      return;
    }
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
