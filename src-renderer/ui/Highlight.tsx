import { Fragment } from 'react';
import { matchRanges } from '../../src-shared/search-text';
import './Highlight.css';

/**
 * Text with the searched words marked where they start a word, case and accents set aside:
 *   <Highlight text={note.body} words={searchWords(query)} />
 */
export function Highlight({ text, words }: { text: string; words: string[] }) {
  const ranges = matchRanges(text, words);
  if (ranges.length === 0) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (const range of ranges) {
    if (range.start > at) parts.push(<Fragment key={`t${at}`}>{text.slice(at, range.start)}</Fragment>);
    parts.push(
      <mark key={`m${range.start}`} className="highlight">
        {text.slice(range.start, range.end)}
      </mark>,
    );
    at = range.end;
  }
  if (at < text.length) parts.push(<Fragment key={`t${at}`}>{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}
