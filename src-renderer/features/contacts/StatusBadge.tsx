import type { ContactStatus } from '../../../src-shared/domain/contact';
import { statusLabels } from '../../ui/format';

export function StatusBadge({ status }: { status: ContactStatus }) {
  return <span className={`badge badge--status-${status}`}>{statusLabels[status]}</span>;
}
