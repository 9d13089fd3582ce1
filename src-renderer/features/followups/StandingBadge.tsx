import { followUpStanding, type FollowUp } from '../../../src-shared/domain/follow-up';
import { useNow } from '../../ui/use-now';
import { standingLabels } from './follow-up-format';

/** On track, due soon, overdue or done, recomputed as the clock moves (the core's answer may be minutes old). */
export function StandingBadge({ followUp }: { followUp: Pick<FollowUp, 'dueAt' | 'doneAt'> }) {
  const now = useNow();
  const standing = followUpStanding(followUp.dueAt, followUp.doneAt, now);
  return <span className={`badge badge--standing-${standing}`}>{standingLabels[standing]}</span>;
}
