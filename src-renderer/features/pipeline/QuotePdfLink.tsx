import type { Quote } from '../../../src-shared/domain/quote';
import { api } from '../../api';
import { formatBytes } from '../../ui/format';
import { useContactFiles } from './hooks';

/** The PDF a sent quote was rendered to, as it sits in the contact's files. */
export function QuotePdfLink({ quote, compact }: { quote: Quote; compact?: boolean }) {
  const files = useContactFiles(quote.contactId);
  if (!quote.fileId || files.status !== 'ready') return null;
  const file = files.data.find((candidate) => candidate.id === quote.fileId);
  if (!file) return compact ? null : <p className="muted">The PDF of this quote was removed from the contact’s files.</p>;
  const href = api.fileUrl(file.sha256);
  const icon = (
    <span className="quote-pdf__icon" aria-hidden="true">
      PDF
    </span>
  );
  if (compact) {
    return (
      <a className="quote-pdf quote-pdf--compact" href={href} target="_blank" rel="noopener noreferrer" aria-label={file.name} title={file.name}>
        {icon}
      </a>
    );
  }
  return (
    <a className="quote-pdf" href={href} target="_blank" rel="noopener noreferrer">
      {icon}
      <span className="quote-pdf__text">
        <span className="quote-pdf__name">{file.name}</span>
        <span className="quote-pdf__meta">{formatBytes(Math.max(1024, file.sizeBytes))} · saved to the contact’s files</span>
      </span>
    </a>
  );
}
