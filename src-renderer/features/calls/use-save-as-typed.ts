import { useEffect, useRef, useState } from 'react';

/**
 * A text field whose value is saved as it is typed: `save` runs once the typing pauses, and at once
 * when the field's owner changes or the screen closes, so nothing typed is lost on "Next".
 * `key` names what is edited (a call's id): a new key starts from its saved value.
 */
export function useSaveAsTyped(key: string, saved: string, save: (value: string) => Promise<unknown>, delayMs = 400) {
  const [draft, setDraft] = useState({ key, value: saved });
  const pending = useRef<{ value: string; save: typeof save } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const waiting = pending.current;
    pending.current = null;
    if (waiting) void waiting.save(waiting.value);
  };

  // Another call on screen: what was typed for the last one is saved first.
  useEffect(() => flush, [key]);

  const value = draft.key === key ? draft.value : saved;
  const onChange = (next: string) => {
    setDraft({ key, value: next });
    pending.current = { value: next, save };
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, delayMs);
  };
  return { value, onChange, flush };
}
