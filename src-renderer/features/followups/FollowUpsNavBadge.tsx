import { useUi } from '../../store';
import { cx } from '../../ui/class-names';
import { formatNumber } from '../../ui/format';
import { useFollowUpCounts } from './hooks';
import './followups.css';

/** The sidebar's count of follow-ups overdue or due today, red when any is overdue. */
export function FollowUpsNavBadge() {
  const scope = useUi((state) => state.followUpScope);
  const { latest: counts } = useFollowUpCounts(scope);
  const due = counts ? counts.overdue + counts.today : 0;
  if (due === 0 || !counts) return null;
  const words = [counts.overdue > 0 ? `${formatNumber(counts.overdue)} overdue` : '', counts.today > 0 ? `${formatNumber(counts.today)} due today` : '']
    .filter(Boolean)
    .join(', ');
  return (
    <span className={cx('nav-count', counts.overdue > 0 && 'nav-count--overdue')} title={words}>
      <span aria-hidden="true">{formatNumber(due)}</span>
      <span className="visually-hidden">({words})</span>
    </span>
  );
}
