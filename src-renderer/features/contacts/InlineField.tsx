import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { describeError } from '../../api';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useAccess } from '../access/access';

export interface InlineFieldProps {
  /** The field's name, as the page says it: "Company". */
  label: string;
  /** The stored text. */
  value: string;
  /** Shown when the value is empty, as an invitation: "Add a company". */
  empty: string;
  /** Summary-like text: several lines, Ctrl+Enter (or leaving the field) saves, Enter starts a new line. */
  multiline?: boolean;
  type?: 'text' | 'email' | 'tel';
  /** The error in the user's words, or undefined when the text can be saved. */
  validate?: (text: string) => string | undefined;
  /**
   * A question to answer before the text is saved, when it may not mean what it says ("Is this a
   * US number?"). Return what to draw under the field; it calls `answer` with the text to save
   * instead, or null to go back to editing.
   */
  ask?: (text: string) => ((answer: (instead: string | null) => void) => ReactNode) | undefined;
  /** Saves; a failure's message is shown under the field and the text stays to be corrected. */
  onSave: (text: string) => Promise<unknown>;
}

type Question = (answer: (instead: string | null) => void) => ReactNode;

/**
 * A value on a page that is edited where it is: click it (or Enter on it) to edit, Enter or leaving
 * the field saves, Escape puts the stored value back. An error keeps the field open, said under it.
 */
export function InlineField({ label, value, empty, multiline, type = 'text', validate, ask, onSave }: InlineFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [question, setQuestion] = useState<Question | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  // "No, let me correct it": back to the text, once the question has gone.
  const [backToField, setBackToField] = useState(0);
  useEffect(() => {
    if (backToField > 0) fieldRef.current?.focus();
  }, [backToField]);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const { canEdit } = useAccess();
  // Escape, then the blur of the field leaving the page: the blur must not save what was escaped.
  const settled = useRef(false);
  const viewRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  // Back on the value once it is shown again, so the keyboard user is where they were.
  useEffect(() => {
    if (draft !== null || !refocus.current) return;
    refocus.current = false;
    viewRef.current?.focus();
  }, [draft]);

  const stop = () => {
    settled.current = true;
    setDraft(null);
    setError(undefined);
    setQuestion(null);
    // Not when leaving the field for another: the focus is already where the user put it.
    refocus.current = viewRef.current === null && document.activeElement?.closest('.inline-field-edit') !== null;
  };

  const save = async () => {
    if (draft === null || settled.current || saving) return;
    const text = draft.trim();
    if (text === value.trim()) return stop();
    const problem = validate?.(text);
    if (problem) return setError(problem);
    const asking = ask?.(text);
    if (asking) return setQuestion(() => asking);
    await commit(text);
  };

  const commit = async (text: string) => {
    setSaving(true);
    try {
      await onSave(text);
      stop();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setSaving(false);
    }
  };

  const answer = (instead: string | null) => {
    setQuestion(null);
    if (instead === null) setBackToField((count) => count + 1);
    else void commit(instead);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      // The field's Escape, not the page's or a dialog's.
      event.preventDefault();
      event.stopPropagation();
      stop();
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  if (draft === null && !canEdit) {
    return <span className="inline-field inline-field--read">{value ? <span className={textClass(multiline, type)}>{value}</span> : <span className="muted">{empty}</span>}</span>;
  }
  if (draft === null) {
    return (
      <button
        ref={viewRef}
        type="button"
        className="inline-field"
        aria-label={`${label}: ${value || 'not set'}`}
        title="Click to change"
        onClick={() => {
          settled.current = false;
          setDraft(value);
        }}
      >
        {value ? <span className={textClass(multiline, type)}>{value}</span> : <span className="muted">{empty}</span>}
      </button>
    );
  }
  const common = {
    label,
    hideLabel: true,
    value: draft,
    error,
    autoFocus: true,
    readOnly: saving,
    onChange: (text: string) => {
      setDraft(text);
      setError(undefined);
      setQuestion(null);
    },
    onBlur: () => void save(),
    hint: multiline ? 'Ctrl+Enter or leaving the field saves · Esc cancels' : 'Enter saves · Esc cancels',
  };
  return (
    <div className="inline-field-edit">
      {multiline ? <TextAreaField {...common} onKeyDown={onKeyDown} /> : <TextField {...common} type={type} inputRef={fieldRef} onKeyDown={onKeyDown} />}
      {question && !saving ? <AskedQuestion question={question} onAnswer={answer} /> : null}
    </div>
  );
}

function AskedQuestion({ question, onAnswer }: { question: Question; onAnswer: (instead: string | null) => void }) {
  return question(onAnswer);
}

/** An e-mail address or a phone number is never broken across lines (cut with an ellipsis instead); other text wraps. */
function textClass(multiline: boolean | undefined, type: InlineFieldProps['type']): string {
  if (multiline) return 'inline-field__text inline-field__text--multiline';
  return type === 'text' ? 'inline-field__text' : 'inline-field__text truncate';
}
