import { useUi } from '../../store';
import { formatNumber } from '../../ui/format';
import { useFollowUpCounts } from './hooks';

/** The sidebar's count of follow-ups overdue or due today, red when any is overdue. */
export function FollowUpsNavBadge() {
  const scope = useUi((state) => state.followUpScope);
  const { data } = useFollowUpCounts(scope);
  const due = data ? data.overdue + data.today : 0;
  if (due === 0 || !data) return null;
  const words = [data.overdue > 0 ? `${formatNumber(data.overdue)} overdue` : '', data.today > 0 ? `${formatNumber(data.today)} due today` : '']
    .filter(Boolean)
    .join(', ');
  return (
    <span className={data.overdue > 0 ? 'nav-count nav-count--overdue' : 'nav-count'} title={words}>
      <span aria-hidden="true">{formatNumber(due)}</span>
      <span className="visually-hidden">({words})</span>
    </span>
  );
}
