import { followUpStanding, type FollowUp, type FollowUpStanding } from '../../../src-shared/domain/follow-up';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { useNow } from '../../ui/use-now';
import { standingLabels } from './follow-up-format';

const tones: Record<FollowUpStanding, BadgeTone> = { ok: 'success', due_soon: 'warning', overdue: 'danger', done: 'neutral' };

/** On track, due soon, overdue or done, recomputed as the clock moves (the core's answer may be minutes old). */
export function StandingBadge({ followUp, quietWhenFine }: { followUp: Pick<FollowUp, 'dueAt' | 'doneAt'>; quietWhenFine?: boolean }) {
  const now = useNow();
  const standing = followUpStanding(followUp.dueAt, followUp.doneAt, now);
  // On a contact's page only what needs attention is marked.
  if (quietWhenFine && (standing === 'ok' || standing === 'done')) return null;
  return <Badge tone={tones[standing]}>{standingLabels[standing]}</Badge>;
}
