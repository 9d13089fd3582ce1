import type { Quote } from '../../../src-shared/domain/quote';
import { api } from '../../api';
import { Badge } from '../../ui/Badge';
import { formatBytes } from '../../ui/format';
import { IconCircle } from '../../ui/IconCircle';
import { useContactFiles } from './hooks';

/** The PDF a sent quote was rendered to, as it sits in the contact's files. */
export function QuotePdfLink({ quote, compact }: { quote: Quote; compact?: boolean }) {
  const files = useContactFiles(quote.contactId);
  if (!quote.fileId || files.status !== 'ready') return null;
  const file = files.data.find((candidate) => candidate.id === quote.fileId);
  if (!file) return compact ? null : <p className="muted">The PDF of this quote was removed from the contact’s files.</p>;
  const href = api.fileUrl(file.sha256);
  if (compact) {
    return (
      <a href={href} target="_blank" rel="noopener noreferrer" aria-label={file.name} title={file.name}>
        <Badge tone="danger">PDF</Badge>
      </a>
    );
  }
  return (
    <a className="quote-pdf" href={href} target="_blank" rel="noopener noreferrer">
      <IconCircle icon="file" tone="danger" size="lg" />
      <span>
        <span className="quote-pdf__name strong">{file.name}</span>
        <span className="meta">{formatBytes(Math.max(1024, file.sizeBytes))} · saved to the contact’s files</span>
      </span>
    </a>
  );
}
