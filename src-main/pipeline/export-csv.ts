import type { Deal } from '../../src-shared/domain/pipeline';
import { formatMoney } from '../../src-shared/money';
import { localDate } from '../../src-shared/office-time';
import type { PeopleColumn } from '../exchange/export/people-csv';
import type { OfficeClock } from '../calls/report-facts';
import { rowToDeal, type createPipelineQueries } from './queries';

/** A deal as its export reads it: the deal and the names of its pipeline and stage. */
export interface DealToExport {
  deal: Deal;
  pipelineName: string;
  stageName: string;
}

export function readDealsToExport(queries: ReturnType<typeof createPipelineQueries>, ids: readonly string[]): DealToExport[] {
  return queries.dealsByIds(ids).map((row) => ({ deal: rowToDeal(row), pipelineName: row.pipeline_name ?? '', stageName: row.stage_name ?? '' }));
}

/**
 * The deals list as a file for people (docs/list-views.md, "Exporting a selection"): names, not
 * ids; amounts as the office writes them; dates in the office's time zone. When the deals list
 * gains a column, add it here too.
 */
export function dealCsvColumns(office: OfficeClock): PeopleColumn<DealToExport>[] {
  const day = new Intl.DateTimeFormat(office.locale, { timeZone: office.timeZone, day: 'numeric', month: 'short', year: 'numeric' });
  const date = (at: number | null) => (at === null ? '' : day.format(at));
  const money = (amountMinor: number, currency: string) => formatMoney(amountMinor, currency, office.locale);
  return [
    { header: 'Deal', value: ({ deal }) => deal.title },
    { header: 'Contact', value: ({ deal }) => deal.contactName },
    { header: 'Pipeline', value: ({ pipelineName }) => pipelineName },
    { header: 'Stage', value: ({ stageName }) => stageName },
    { header: 'Value', ours: true, value: ({ deal }) => money(deal.valueMinor, deal.currency) },
    { header: 'Probability', ours: true, value: ({ deal }) => `${deal.probabilityBp / 100}%` },
    { header: 'Weighted value', ours: true, value: ({ deal }) => money(Math.round((deal.valueMinor * deal.probabilityBp) / 10_000), deal.currency) },
    { header: 'Expected close', value: ({ deal }) => date(deal.expectedCloseAt) },
    { header: 'Expected close (ISO)', ours: true, value: ({ deal }) => (deal.expectedCloseAt === null ? '' : localDate(deal.expectedCloseAt, office.timeZone)) },
    { header: 'Owner', value: ({ deal }) => deal.owner },
    { header: 'Source', value: ({ deal }) => deal.source },
    { header: 'Closed', value: ({ deal }) => date(deal.closedAt) },
    { header: 'Close reason', value: ({ deal }) => deal.closeReason },
    { header: 'Last updated', value: ({ deal }) => office.dateTime.format(deal.updatedAt) },
  ];
}
