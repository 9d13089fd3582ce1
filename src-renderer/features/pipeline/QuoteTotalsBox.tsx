import type { QuoteTotals } from '../../../src-shared/domain/quote-math';
import { money, percent } from './pipeline-format';

/** Subtotal, tax per rate and total, as the PDF prints them; the total is announced as it changes. */
export function QuoteTotalsBox({ totals, currency }: { totals: QuoteTotals; currency: string }) {
  return (
    <div role="group" aria-label="Quote totals" className="quote-totals">
      <dl className="stack stack--xs">
        <div className="quote-totals__row">
          <dt>Subtotal</dt>
          <dd>{money(totals.subtotalMinor, currency)}</dd>
        </div>
        {totals.discountMinor > 0 ? (
          <div className="quote-totals__row quote-totals__row--minor">
            <dt>Includes discounts of</dt>
            <dd>{money(totals.discountMinor, currency)}</dd>
          </div>
        ) : null}
        {totals.taxes.map((tax) => (
          <div key={tax.rateBp} className="quote-totals__row">
            <dt>
              Tax at {percent(tax.rateBp)} <span className="quote-totals__base muted">on {money(tax.baseMinor, currency)}</span>
            </dt>
            <dd>{money(tax.taxMinor, currency)}</dd>
          </div>
        ))}
        <div className="quote-totals__row quote-totals__row--total" aria-live="polite" aria-atomic="true">
          <dt>Total</dt>
          <dd>{money(totals.totalMinor, currency)}</dd>
        </div>
      </dl>
    </div>
  );
}
