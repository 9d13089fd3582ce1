import { useState } from 'react';
import type { Deal } from '../../../src-shared/domain/pipeline';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { formatDate } from '../../ui/format';
import { ListRow } from '../../ui/ListRow';
import { LiveContent } from '../../ui/LiveContent';
import { RowList } from '../../ui/RowList';
import { DealDialog } from './DealDialog';
import { useDealsOfContact, usePipelines } from './hooks';
import { money, percent } from './pipeline-format';
import { pipelineHash } from './pipeline-route';
import { StagePill } from './StagePill';
import './pipeline.css';
import { WhenAllowed } from '../access/WhenAllowed';

/** A contact's deals on the contact page: where each stands and what it is worth; add one or open one. */
export function ContactDealsSection({ contactId }: { contactId: string }) {
  const deals = useDealsOfContact(contactId);
  const pipelines = usePipelines();
  const [open, setOpen] = useState<{ deal?: Deal } | null>(null);
  const pipelineList = pipelines.latest ?? [];
  const stages = new Map(pipelineList.flatMap((pipeline) => pipeline.stages.map((stage) => [stage.id, { stage, pipeline }] as const)));
  const openDeals = (deals.latest ?? []).filter((deal) => stages.get(deal.stageId)?.stage.outcome === 'open');
  const openValue = openDeals.reduce((sum, deal) => sum + deal.valueMinor, 0);

  return (
    <Card
      title="Deals"
      aside={openDeals.length > 0 ? `${openDeals.length} open · ${money(openValue, openDeals[0]!.currency)}` : undefined}
      actions={
        pipelineList.length > 0 ? (
          <WhenAllowed>
            <Button size="sm" icon="plus" onClick={() => setOpen({})}>
              Add deal
            </Button>
          </WhenAllowed>
        ) : undefined
      }
    >
      {pipelines.status === 'ready' && pipelineList.length === 0 ? (
        <p className="muted">
          Deals live in a pipeline. <a href={pipelineHash({})}>Set up your first pipeline</a> to track work for this contact.
        </p>
      ) : (
        <LiveContent live={deals} loading="Loading deals…" failed="The deals could not be loaded." keepLatest>
          {(list) =>
            list.length === 0 ? (
              <EmptyState compact title="No deals yet." />
            ) : (
              <RowList>
                {list.map((deal) => {
                  const place = stages.get(deal.stageId);
                  return (
                    <li key={deal.id}>
                      <ListRow
                        title={
                          <Button variant="link" onClick={() => setOpen({ deal })}>
                            {deal.title}
                          </Button>
                        }
                        meta={
                          <>
                            <StagePill name={place?.stage.name ?? 'Unknown stage'} outcome={place?.stage.outcome ?? 'open'} />
                            {pipelineList.length > 1 && place ? <span>{place.pipeline.name}</span> : null}
                            {deal.expectedCloseAt !== null && deal.closedAt === null ? <span>closes {formatDate(deal.expectedCloseAt)}</span> : null}
                            {deal.closedAt !== null ? <span>closed {formatDate(deal.closedAt)}</span> : null}
                          </>
                        }
                        trailing={
                          <span className="deal-figures numeric">
                            <strong>{money(deal.valueMinor, deal.currency)}</strong>
                            {place?.stage.outcome === 'open' ? <span className="muted">{percent(deal.probabilityBp)}</span> : null}
                          </span>
                        }
                      />
                    </li>
                  );
                })}
              </RowList>
            )
          }
        </LiveContent>
      )}
      {open ? <DealDialog pipelines={pipelineList} deal={open.deal} contact={{ id: contactId, name: '' }} lockContact onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}
