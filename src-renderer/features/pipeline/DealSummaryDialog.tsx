import type { Deal, Pipeline } from '../../../src-shared/domain/pipeline';
import { useUi } from '../../store';
import { Button } from '../../ui/Button';
import { DetailList } from '../../ui/DetailList';
import { Dialog } from '../../ui/Dialog';
import { formatDate, formatMoney } from '../../ui/format';
import { percent } from './pipeline-format';
import { DealJobs } from '../jobs/DealJobs';

/** A deal as a read-only member sees it: what it is, with nothing that would only be refused. */
export function DealSummaryDialog({ deal, pipelines, onClose }: { deal: Deal; pipelines: readonly Pipeline[]; onClose: () => void }) {
  const navigate = useUi((state) => state.navigate);
  const pipeline = pipelines.find((candidate) => candidate.id === deal.pipelineId);
  const stage = pipeline?.stages.find((candidate) => candidate.id === deal.stageId);
  return (
    <Dialog
      title={deal.title}
      description={<>With {deal.contactName || 'a deleted contact'}</>}
      onClose={onClose}
      actions={
        <>
          {deal.contactName ? (
            <Button icon="user" onClick={() => navigate({ name: 'contact', id: deal.contactId })}>
              Open contact
            </Button>
          ) : null}
          <Button variant="primary" onClick={onClose}>
            Close
          </Button>
        </>
      }
    >
      <DetailList
        items={[
          { term: 'Value', value: formatMoney({ amountMinor: deal.valueMinor, currency: deal.currency }) },
          { term: 'Stage', value: [pipeline?.name, stage?.name].filter(Boolean).join(' · ') || '—' },
          { term: 'Probability', value: deal.probabilityBp === null ? '—' : percent(deal.probabilityBp) },
          { term: 'Expected close', value: deal.expectedCloseAt === null ? '—' : formatDate(deal.expectedCloseAt) },
          { term: 'Owner', value: deal.owner || '—' },
          { term: 'Source', value: deal.source || '—' },
        ]}
      />
      <DealJobs dealId={deal.id} />
    </Dialog>
  );
}
