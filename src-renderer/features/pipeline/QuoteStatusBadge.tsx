import type { QuoteStatus } from '../../../src-shared/domain/quote';
import { Badge, type BadgeTone } from '../../ui/Badge';

export const quoteStatusLabels: Record<QuoteStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  accepted: 'Accepted',
  rejected: 'Rejected',
  expired: 'Expired',
};

const tones: Record<QuoteStatus, BadgeTone> = { draft: 'neutral', sent: 'info', accepted: 'success', rejected: 'danger', expired: 'warning' };

export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  return <Badge tone={tones[status]}>{quoteStatusLabels[status]}</Badge>;
}
