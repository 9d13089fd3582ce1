import { api } from '../../api';
import { useUi } from '../../store';
import { endOfToday, startOfDay, startOfWeek } from '../../ui/dates';
import { formatMoney, formatNumber } from '../../ui/format';
import { activityChanged } from '../../ui/live-events';
import { useLiveData } from '../../ui/use-live-data';
import { StatTile } from '../dashboard/StatTile';

/** The dashboard's job figures: booked today, booked this week, invoiced and not yet paid. */
export function JobFigures() {
  const currency = useUi((state) => state.settings?.currency ?? 'GBP');
  const figures = useLiveData(
    'jobs:figures',
    () => {
      const weekStart = startOfWeek();
      const weekEnd = new Date(weekStart);
      weekEnd.setDate(weekEnd.getDate() + 7);
      return api.invoke('jobs.figures', { startOfToday: startOfDay(Date.now()), endOfToday: endOfToday() + 1, startOfWeek: weekStart, endOfWeek: weekEnd.getTime() });
    },
    { reloadOn: [activityChanged(['jobs'])], everyMs: 60_000, reportErrors: false },
  );
  const data = figures.latest;
  if (!data) return null;
  const unpaid = data.invoicedUnpaid.reduce((sum, entry) => sum + entry.count, 0);
  const amounts = data.invoicedUnpaid.map((entry) => formatMoney({ amountMinor: entry.totalMinor, currency: entry.currency }));
  return (
    <>
      <StatTile label="Jobs today" icon="calendar" value={formatNumber(data.today)} detail={`${formatNumber(data.thisWeek)} this week`} to={{ name: 'jobs' }} />
      <StatTile
        label="Invoiced, not paid"
        icon="clock"
        value={amounts[0] ?? formatMoney({ amountMinor: 0, currency })}
        tone={unpaid > 0 ? 'warning' : 'neutral'}
        detail={unpaid > 0 ? `${formatNumber(unpaid)} ${unpaid === 1 ? 'job' : 'jobs'}${amounts.length > 1 ? `, and ${amounts.slice(1).join(', ')}` : ''}` : 'Every invoice paid'}
        to={{ name: 'jobs' }}
      />
    </>
  );
}
