import type { Quote } from '../../../src-shared/domain/quote';
import { useContactFiles } from './hooks';
import { fileHref } from './pipeline-format';

/** The PDF a sent quote was rendered to, as it sits in the contact's files. */
export function QuotePdfLink({ quote, compact }: { quote: Quote; compact?: boolean }) {
  const files = useContactFiles(quote.contactId);
  if (!quote.fileId) return null;
  const file = files.status === 'ready' ? files.data.find((candidate) => candidate.id === quote.fileId) : undefined;
  if (files.status === 'ready' && !file) {
    return compact ? null : <p className="muted">The PDF of this quote was removed from the contact’s files.</p>;
  }
  if (!file) return null;
  const kilobytes = Math.max(1, Math.round(file.sizeBytes / 1024));
  if (compact) {
    return (
      <a className="quote-pdf quote-pdf--compact" href={fileHref(file.sha256)} target="_blank" rel="noopener noreferrer" aria-label={file.name} title={file.name}>
        <span className="quote-pdf__icon" aria-hidden="true">
          PDF
        </span>
      </a>
    );
  }
  return (
    <a className="quote-pdf" href={fileHref(file.sha256)} target="_blank" rel="noopener noreferrer">
      <span className="quote-pdf__icon" aria-hidden="true">
        PDF
      </span>
      <span className="quote-pdf__text">
        <span className="quote-pdf__name">{file.name}</span>
        <span className="quote-pdf__meta">{kilobytes} KB · saved to the contact’s files</span>
      </span>
    </a>
  );
}
