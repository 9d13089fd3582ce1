import { useState } from 'react';
import type { Deal } from '../../../src-shared/domain/pipeline';
import { formatDate } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { DealDialog } from './DealDialog';
import { useDealsOfContact, usePipelines } from './hooks';
import { pipelineHash } from './pipeline-route';
import { money, percent } from './pipeline-format';
import './pipeline.css';
import './deal-dialogs.css';
import './contact-sections.css';

/** A contact's deals on the contact page: where each stands and what it is worth; add one or open one. */
export function ContactDealsSection({ contactId }: { contactId: string }) {
  const deals = useDealsOfContact(contactId);
  const pipelines = usePipelines();
  const [open, setOpen] = useState<{ deal?: Deal } | null>(null);
  const pipelineList = pipelines.status === 'ready' ? pipelines.data : (pipelines.previous ?? []);
  const list = deals.status === 'ready' ? deals.data : (deals.previous ?? []);
  const stages = new Map(pipelineList.flatMap((pipeline) => pipeline.stages.map((stage) => [stage.id, { stage, pipeline }] as const)));
  const openDeals = list.filter((deal) => stages.get(deal.stageId)?.stage.outcome === 'open');
  const openValue = openDeals.reduce((sum, deal) => sum + deal.valueMinor, 0);

  return (
    <section className="card" aria-labelledby="contact-deals-title">
      <div className="pl-card-head">
        <div>
          <h2 id="contact-deals-title" className="card__title">
            Deals
          </h2>
          {openDeals.length > 0 ? (
            <p className="pl-card-aside">
              {openDeals.length} open · {money(openValue, openDeals[0]!.currency)}
            </p>
          ) : null}
        </div>
        {pipelineList.length > 0 ? (
          <button type="button" className="button button--small" onClick={() => setOpen({})}>
            <Icon name="plus" size={16} /> Add deal
          </button>
        ) : null}
      </div>
      {pipelines.status === 'ready' && pipelineList.length === 0 ? (
        <p className="muted">
          Deals live in a pipeline. <a href={pipelineHash({})}>Set up your first pipeline</a> to track work for this contact.
        </p>
      ) : list.length === 0 ? (
        <p className="muted">{deals.status === 'loading' ? 'Loading deals…' : 'No deals yet.'}</p>
      ) : (
        <ul className="contact-deals">
          {list.map((deal) => {
            const place = stages.get(deal.stageId);
            return (
              <li key={deal.id} className="contact-deals__item">
                <div className="contact-deals__main">
                  <button type="button" className="pl-link-button contact-deals__title" onClick={() => setOpen({ deal })}>
                    {deal.title}
                  </button>
                  <span className="contact-deals__meta">
                    <span className={`stage-pill stage-pill--${place?.stage.outcome ?? 'open'}`}>{place?.stage.name ?? 'Unknown stage'}</span>
                    {pipelineList.length > 1 && place ? <span>{place.pipeline.name}</span> : null}
                    {deal.expectedCloseAt !== null && deal.closedAt === null ? <span>closes {formatDate(deal.expectedCloseAt)}</span> : null}
                    {deal.closedAt !== null ? <span>closed {formatDate(deal.closedAt)}</span> : null}
                  </span>
                </div>
                <div className="contact-deals__figures">
                  <span className="pl-num contact-deals__value">{money(deal.valueMinor, deal.currency)}</span>
                  {place?.stage.outcome === 'open' ? <span className="muted pl-num">{percent(deal.probabilityBp)}</span> : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {open ? (
        <DealDialog
          pipelines={pipelineList}
          deal={open.deal}
          contact={{ id: contactId, name: '' }}
          lockContact
          onClose={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}
