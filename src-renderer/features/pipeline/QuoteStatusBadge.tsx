import type { QuoteStatus } from '../../../src-shared/domain/quote';

export const quoteStatusLabels: Record<QuoteStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  accepted: 'Accepted',
  rejected: 'Rejected',
  expired: 'Expired',
};

export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  return <span className={`badge quote-status quote-status--${status}`}>{quoteStatusLabels[status]}</span>;
}
