import { cx } from '../../ui/class-names';
import { describeDueDate, formatWhen } from '../../ui/format';

/**
 * When the next follow-up is due, coloured when it is today or already past. Follow-ups have a
 * time: one due earlier today is overdue. `long` adds the time (the contact page).
 */
export function DueDate({ at, now, long }: { at: number; now: number; long?: boolean }) {
  const due = describeDueDate(at, now);
  const overdue = at < now;
  return (
    <span className={cx('due-date', overdue ? 'due-date--overdue' : due.dueToday && 'due-date--today')}>
      {long ? `${formatWhen(at, now)}${overdue ? ' (overdue)' : ''}` : due.text}
    </span>
  );
}
