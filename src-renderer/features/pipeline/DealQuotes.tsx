import { useState } from 'react';
import type { Deal } from '../../../src-shared/domain/pipeline';
import type { Quote } from '../../../src-shared/domain/quote';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { formatDate } from '../../ui/format';
import { LiveContent } from '../../ui/LiveContent';
import { Cluster } from '../../ui/Cluster';
import { Stack } from '../../ui/Stack';
import { useQuotesOfDeal } from './hooks';
import { money } from './pipeline-format';
import { QuoteEditor } from './QuoteEditor';
import { QuotePdfLink } from './QuotePdfLink';
import { QuoteStatusBadge } from './QuoteStatusBadge';
import { RowList } from '../../ui/RowList';

/** A deal's quotes, newest first, each opening in the quote editor; and a new one. */
export function DealQuotes({ deal }: { deal: Deal }) {
  const quotes = useQuotesOfDeal(deal.id);
  const [editing, setEditing] = useState<{ quote?: Quote } | null>(null);

  return (
    <Stack as="section" gap="sm" className="deal-quotes" aria-labelledby={`quotes-${deal.id}`}>
      <Cluster justify="between">
        <h3 id={`quotes-${deal.id}`} className="heading">
          Quotes
        </h3>
        <Button size="sm" icon="plus" onClick={() => setEditing({})}>
          New quote
        </Button>
      </Cluster>
      <LiveContent live={quotes} loading="Loading quotes…" failed="The quotes could not be loaded." keepLatest>
        {(list) =>
          list.length === 0 ? (
            <EmptyState compact title="No quotes yet.">
              A quote is sent as a PDF and kept with the contact’s files.
            </EmptyState>
          ) : (
            <RowList boxed>
              {list.map((quote) => (
                <Cluster as="li" gap="md" key={quote.id} className="deal-quotes__item">
                  <Button variant="link" onClick={() => setEditing({ quote })}>
                    {quote.number}
                  </Button>
                  <QuoteStatusBadge status={quote.status} />
                  <span className="muted">{formatDate(quote.sentAt ?? quote.createdAt)}</span>
                  <QuotePdfLink quote={quote} compact />
                  <span className="deal-quotes__total strong numeric">{money(quote.totalMinor, quote.currency)}</span>
                </Cluster>
              ))}
            </RowList>
          )
        }
      </LiveContent>
      {editing ? <QuoteEditor deal={deal} quote={editing.quote} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
