import { useState } from 'react';
import type { Deal } from '../../../src-shared/domain/pipeline';
import type { Quote } from '../../../src-shared/domain/quote';
import { formatDate } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { useQuotesOfDeal } from './hooks';
import { money } from './pipeline-format';
import { QuoteEditor } from './QuoteEditor';
import { QuotePdfLink } from './QuotePdfLink';
import { QuoteStatusBadge } from './QuoteStatusBadge';

/** A deal's quotes, newest first, each opening in the quote editor; and a new one. */
export function DealQuotes({ deal }: { deal: Deal }) {
  const quotes = useQuotesOfDeal(deal.id);
  const [editing, setEditing] = useState<{ quote?: Quote } | null>(null);
  const list = quotes.status === 'ready' ? quotes.data : (quotes.previous ?? []);

  return (
    <section className="deal-quotes" aria-labelledby={`quotes-${deal.id}`}>
      <div className="deal-quotes__head">
        <h3 id={`quotes-${deal.id}`} className="deal-quotes__title">
          Quotes
        </h3>
        <button type="button" className="button button--small" onClick={() => setEditing({})}>
          <Icon name="plus" size={16} /> New quote
        </button>
      </div>
      {list.length === 0 ? (
        <p className="muted">{quotes.status === 'loading' ? 'Loading quotes…' : 'No quotes yet. A quote is sent as a PDF and kept with the contact’s files.'}</p>
      ) : (
        <ul className="deal-quotes__list">
          {list.map((quote) => (
            <li key={quote.id} className="deal-quotes__item">
              <button type="button" className="pl-link-button deal-quotes__number" onClick={() => setEditing({ quote })}>
                {quote.number}
              </button>
              <QuoteStatusBadge status={quote.status} />
              <span className="deal-quotes__date">{formatDate(quote.sentAt ?? quote.createdAt)}</span>
              <QuotePdfLink quote={quote} compact />
              <span className="deal-quotes__total pl-num">{money(quote.totalMinor, quote.currency)}</span>
            </li>
          ))}
        </ul>
      )}
      {editing ? <QuoteEditor deal={deal} quote={editing.quote} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
