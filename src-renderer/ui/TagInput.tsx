import { useId, useState, type KeyboardEvent } from 'react';
import type { ControlProps } from './Field';
import { Icon } from './Icon';
import './TagInput.css';

interface TagInputProps extends ControlProps {
  value: string[];
  onChange: (tags: string[]) => void;
  suggestions?: readonly string[];
}

/** Tags as removable chips; Enter or a comma adds what was typed, Backspace on empty removes the last. */
export function TagInput({ value, onChange, suggestions = [], ...control }: TagInputProps) {
  const [draft, setDraft] = useState('');
  const listId = useId();

  const add = (text: string) => {
    const tag = text.trim().replace(/,+$/, '').trim();
    setDraft('');
    if (!tag || value.some((existing) => existing.toLowerCase() === tag.toLowerCase())) return;
    onChange([...value, tag]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      if (draft.trim()) {
        event.preventDefault();
        add(draft);
      } else if (event.key === ',') {
        event.preventDefault();
      }
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div className="tag-input">
      {value.length > 0 ? (
        <ul className="tag-input__tags" aria-label="Tags added">
          {value.map((tag) => (
            <li key={tag} className="tag">
              {tag}
              <button
                type="button"
                className="tag__remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => onChange(value.filter((existing) => existing !== tag))}
              >
                <Icon name="close" size={12} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        {...control}
        className="tag-input__input"
        value={draft}
        list={suggestions.length > 0 ? listId : undefined}
        placeholder={value.length === 0 ? 'Type a tag and press Enter' : 'Add another'}
        onChange={(event) => {
          const text = event.target.value;
          if (text.endsWith(',')) add(text);
          else setDraft(text);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => add(draft)}
      />
      {suggestions.length > 0 ? (
        <datalist id={listId}>
          {suggestions
            .filter((tag) => !value.includes(tag))
            .map((tag) => (
              <option key={tag} value={tag} />
            ))}
        </datalist>
      ) : null}
    </div>
  );
}
