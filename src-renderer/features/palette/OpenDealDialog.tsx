import { api } from '../../api';
import { useLiveData } from '../../ui/use-live-data';
import { DealDialog } from '../pipeline/DealDialog';
import { usePipelines } from '../pipeline/hooks';

/**
 * A deal opened from anywhere (the command palette): loads it and the pipelines, then shows the
 * deal's own dialog, quotes included. Without an id, a new deal in the first pipeline.
 */
export function OpenDealDialog({ id, onClose }: { id?: string | undefined; onClose: () => void }) {
  const pipelines = usePipelines();
  const deal = useLiveData(id ? `deal:${id}` : null, () => api.invoke('deals.get', { id: id ?? '' }));
  if (pipelines.status !== 'ready' || (id && deal.status !== 'ready')) return null;
  return <DealDialog pipelines={pipelines.data} deal={deal.data} onClose={onClose} />;
}
