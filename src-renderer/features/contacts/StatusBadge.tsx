import type { ContactStatus } from '../../../src-shared/domain/contact';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { statusLabels } from '../../ui/format';

const tones: Record<ContactStatus, BadgeTone> = { active: 'info', won: 'success', lost: 'danger', dormant: 'neutral' };

export function StatusBadge({ status }: { status: ContactStatus }) {
  return <Badge tone={tones[status]}>{statusLabels[status]}</Badge>;
}
