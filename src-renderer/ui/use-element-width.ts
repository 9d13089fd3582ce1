import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The width of an element, kept up to date as the window resizes: for SVG charts drawn at their
 * real size (so their text stays at its CSS size) and for grids that drop columns when narrow.
 */
export function useElementWidth<T extends HTMLElement>(fallback = 640, minimum = 0) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(minimum, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [minimum]);
  return { ref, width };
}
