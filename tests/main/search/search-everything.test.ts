import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// The search page: someone rings about "the Cotham Hill flats" and typing those words finds the
// contact, the note, the call, the deal, its quote and the job at once, the contact first; the
// facets narrow the list and count what each choice would leave.

const now = Date.UTC(2026, 11, 5, 12);
const day = 86_400_000;

let core: TempCore;
beforeEach(() => {
  core = createTempCore({ autoSync: false, now: () => now });
});
afterEach(() => core.dispose());

async function cothamHill() {
  const landlord = await core.call('contacts.create', { draft: { name: 'Cotham Hill Lettings', owner: 'Sam', tags: ['landlord'], phones: [{ type: 'work', number: '0117 496 0123' }] } });
  const tenant = await core.call('contacts.create', { draft: { name: 'Priya Shah', owner: 'Alex' } });
  const note = await core.call('notes.create', { contactId: tenant.id, body: 'Damp in the bathroom of the Cotham Hill flats, second floor. Wants a visit before Friday.' });
  const call = await core.call('calls.log', {
    direction: 'inbound',
    number: '0117 496 0123',
    startedAt: now - 40 * day,
    disposition: 'call back',
    notes: 'Asked about the boiler at Cotham Hill again',
  });
  const [pipeline] = await core.call('pipelines.list', {});
  const pipelineId = pipeline?.id ?? (await core.call('pipelines.createFromTemplate', { template: 'prospects' })).id;
  const deal = await core.call('deals.create', { contactId: landlord.id, pipelineId, title: 'Cotham Hill re-roof' });
  const quote = await core.call('quotes.create', { dealId: deal.id });
  const job = await core.call('jobs.create', { contactId: landlord.id, title: 'Boiler service', description: 'Annual service, flat 2 at Cotham Hill', status: 'scheduled' });
  await core.call('contacts.create', { draft: { name: 'Unrelated Plumbing' } });
  return { landlord, tenant, note, call, deal, quote, job };
}

describe('search everything', () => {
  it('finds every kind of record the words appear in, the contact named so first, with a snippet around the words', async () => {
    const made = await cothamHill();
    const result = await core.call('search.everything', { query: 'cotham hill' });
    expect(result.hits[0]).toMatchObject({ kind: 'contact', id: made.landlord.id, title: 'Cotham Hill Lettings' });
    expect(new Set(result.hits.map((hit) => `${hit.kind}:${hit.id}`))).toEqual(
      new Set([
        `contact:${made.landlord.id}`,
        `note:${made.note.id}`,
        `call:${made.call.id}`,
        `deal:${made.deal.id}`,
        `quote:${made.quote.id}`,
        `job:${made.job.id}`,
      ]),
    );
    expect(result.total).toBe(6);
    const note = result.hits.find((hit) => hit.kind === 'note')!;
    expect(note).toMatchObject({ title: 'Priya Shah', contactId: made.tenant.id, owner: expect.any(String) });
    expect(note.snippet).toContain('Cotham Hill flats');
    expect(result.hits.find((hit) => hit.kind === 'quote')).toMatchObject({ openId: made.deal.id });
    // Accents and case do not count, and a word matches the start of a word.
    expect((await core.call('search.everything', { query: 'CÖTH' })).total).toBe(6);
    // A number finds the contact and the call by their digits.
    const byNumber = await core.call('search.everything', { query: '496 0123' });
    expect(byNumber.hits.map((hit) => hit.kind).sort()).toEqual(['call', 'contact']);
  });

  it('narrows by kind, tag, owner, status and date, counting each facet among what the others keep', async () => {
    const made = await cothamHill();
    const all = await core.call('search.everything', { query: 'cotham' });
    expect(Object.fromEntries(all.facets.kinds.map((facet) => [facet.value, facet.count]))).toMatchObject({ contact: 1, company: 0, note: 1, call: 1, deal: 1, quote: 1, job: 1, email: 0 });
    expect(all.facets.tags).toEqual([{ value: 'landlord', count: 5 }]);
    expect(all.facets.periods.find((facet) => facet.value === 'month')).toEqual({ value: 'month', count: 5 });

    const notes = await core.call('search.everything', { query: 'cotham', kinds: ['note'] });
    expect(notes.hits.map((hit) => hit.id)).toEqual([made.note.id]);
    // The kind facet still counts every kind, so a person sees what the other choices hold.
    expect(notes.facets.kinds.find((facet) => facet.value === 'deal')?.count).toBe(1);

    const landlord = await core.call('search.everything', { query: 'cotham', tag: 'landlord' });
    expect(landlord.hits.map((hit) => hit.kind).sort()).toEqual(['call', 'contact', 'deal', 'job', 'quote']);
    expect((await core.call('search.everything', { query: 'cotham', status: 'scheduled' })).hits.map((hit) => hit.id)).toEqual([made.job.id]);
    expect((await core.call('search.everything', { query: 'cotham', owner: 'Sam' })).hits.map((hit) => hit.id)).toEqual([made.landlord.id]);
    const lastWeek = await core.call('search.everything', { query: 'cotham', period: 'week' });
    expect(lastWeek.hits.map((hit) => hit.kind)).not.toContain('call');
    expect(lastWeek.total).toBe(5);
  });

  it('finds a company by its name or its e-mail domain, named so above the people who mention it', async () => {
    await cothamHill();
    const company = await core.call('companies.create', { name: 'Cotham Hill Estates', domains: ['cothamhill.co.uk'] });
    const result = await core.call('search.everything', { query: 'cotham hill estates' });
    expect(result.hits[0]).toMatchObject({ kind: 'company', id: company.id, title: 'Cotham Hill Estates', openId: company.id });
    expect((await core.call('search.everything', { query: 'cothamhill' })).hits.map((hit) => hit.kind)).toEqual(['company']);
  });

  it('leaves out deleted records and finds nothing for nothing typed', async () => {
    const made = await cothamHill();
    await core.call('notes.delete', { id: made.note.id });
    await core.call('jobs.delete', { id: made.job.id });
    const after = await core.call('search.everything', { query: 'cotham' });
    expect(after.hits.map((hit) => hit.kind)).not.toContain('note');
    expect(after.hits.map((hit) => hit.kind)).not.toContain('job');
    expect(await core.call('search.everything', { query: '   ' })).toMatchObject({ hits: [], total: 0 });
    // What a person types is never read as search syntax.
    expect((await core.call('search.everything', { query: '"cotham* (hill' })).hits[0]?.id).toBe(made.landlord.id);
  });
});
