import { useId, useLayoutEffect, useRef, useState } from 'react';
import { Button } from './Button';
import { cx } from './class-names';
import './ClampedText.css';

export interface ClampedTextProps {
  text: string;
  /** Lines shown before "Show more". */
  lines?: 3 | 4 | 6;
  className?: string;
}

/**
 * Long text cut to a few lines, with "Show more" when (and only when) it runs over them; line
 * breaks are kept. The button says whether the text is expanded and which text it controls.
 *   <ClampedText text={note.body} lines={4} />
 */
export function ClampedText({ text, lines = 4, className }: ClampedTextProps) {
  const id = useId();
  const ref = useRef<HTMLParagraphElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || expanded) return;
    const measure = () => setOverflows(element.scrollHeight > element.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [text, expanded]);
  return (
    <div className={className}>
      <p id={id} ref={ref} className={cx('clamped-text', !expanded && `clamped-text--${lines}`)}>
        {text}
      </p>
      {overflows || expanded ? (
        <Button variant="link" size="sm" aria-expanded={expanded} aria-controls={id} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show less' : 'Show more'}
        </Button>
      ) : null}
    </div>
  );
}
