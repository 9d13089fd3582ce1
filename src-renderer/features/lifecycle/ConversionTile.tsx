import { api } from '../../api';
import { formatNumber } from '../../ui/format';
import { activityChanged } from '../../ui/live-events';
import { useLiveData } from '../../ui/use-live-data';
import { StatTile } from '../dashboard/StatTile';
import { days, ratio } from '../pipeline/pipeline-format';

const dayMs = 86_400_000;

/** The dashboard's conversion figure: of the last 90 days' leads, the share that are customers now, and how fast. */
export function ConversionTile() {
  const figures = useLiveData(
    'lifecycle:conversion:dashboard',
    () => {
      const to = Math.ceil(Date.now() / 3_600_000) * 3_600_000;
      return api.invoke('lifecycle.conversion', { from: to - 90 * dayMs, to });
    },
    { reloadOn: [activityChanged(['lifecycle_events'])], everyMs: 600_000, reportErrors: false },
  );
  const total = figures.latest?.total;
  if (!total) return null;
  return (
    <StatTile
      label="Leads converted"
      icon="check"
      value={ratio(total.rate)}
      detail={total.leads > 0 ? `${formatNumber(total.converted)} of ${formatNumber(total.leads)} leads in 90 days · ${days(total.averageDays)} on average` : 'No new leads in 90 days'}
      to={{ name: 'pipeline', view: 'numbers' }}
    />
  );
}
