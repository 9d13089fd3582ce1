import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// The palette's search reaches deals and quotes: by the deal's title, the quote's number or the
// customer's name, live ones only, and a typed % or _ is a character, not a wildcard.

let core: TempCore;
beforeEach(() => {
  core = createTempCore({ autoSync: false });
});
afterEach(() => core.dispose());

async function dealWithQuote(contactName: string, title: string) {
  const contact = await core.call('contacts.create', { draft: { name: contactName } });
  const [pipeline] = await core.call('pipelines.list', {});
  const pipelineId = pipeline?.id ?? (await core.call('pipelines.createFromTemplate', { template: 'prospects' })).id;
  const deal = await core.call('deals.create', { contactId: contact.id, pipelineId, title });
  const quote = await core.call('quotes.create', { dealId: deal.id });
  return { deal, quote };
}

describe('global search', () => {
  it('finds a deal by title or customer, and a quote by number, deal or customer', async () => {
    const { deal, quote } = await dealWithQuote('Castle Roofing', 'Loft conversion');
    const byTitle = await core.call('search.global', { query: 'loft' });
    expect(byTitle.deals).toEqual([expect.objectContaining({ id: deal.id, title: 'Loft conversion', contactName: 'Castle Roofing' })]);
    expect(byTitle.quotes).toEqual([expect.objectContaining({ id: quote.id, dealId: deal.id, number: quote.number })]);
    expect((await core.call('search.global', { query: 'castle' })).deals.map((hit) => hit.id)).toEqual([deal.id]);
    expect((await core.call('search.global', { query: quote.number })).quotes.map((hit) => hit.id)).toEqual([quote.id]);
  });

  it('leaves out deleted deals and their quotes, and takes % and _ literally', async () => {
    const { deal } = await dealWithQuote('Ann Example', 'Boiler 100% service');
    await dealWithQuote('Bob Example', 'Boiler repair');
    expect((await core.call('search.global', { query: '100%' })).deals.map((hit) => hit.title)).toEqual(['Boiler 100% service']);
    expect((await core.call('search.global', { query: 'boiler_' })).deals).toEqual([]);
    await core.call('deals.delete', { id: deal.id });
    const after = await core.call('search.global', { query: 'boiler' });
    expect(after.deals.map((hit) => hit.title)).toEqual(['Boiler repair']);
    expect(after.quotes).toHaveLength(1);
  });
});
