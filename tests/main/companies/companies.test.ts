import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

const now = Date.UTC(2026, 10, 20, 10, 0);
let clock = now;
let core: TempCore;
beforeEach(async () => {
  clock = now;
  core = createTempCore({ now: () => (clock += 1000) });
  await core.call('settings.update', { userName: 'Dana', currency: 'GBP' });
});
afterEach(() => core.dispose());

const person = (name: string, extra: Record<string, unknown> = {}) =>
  core.call('contacts.create', { draft: { name, ...extra }, allowDuplicate: true });

describe('companies and their people', () => {
  it('rolls up the people’s notes, calls, deals, jobs and revenue on the company page', async () => {
    const company = await core.call('companies.create', { name: 'Hartley Lettings', domains: ['hartley-lettings.co.uk'] });
    const owner = await person('Ruth Hartley');
    const manager = await person('Tom Price', { phones: [{ type: 'mobile', number: '+44 7700 900201' }] });
    const clerk = await person('Asha Nair');
    await core.call('companies.setMembership', { contactId: owner.id, companyId: company.id, jobTitle: 'Owner', decisionMaker: true, primary: true });
    await core.call('companies.setMembership', { contactId: manager.id, companyId: company.id, jobTitle: 'Property manager' });
    await core.call('companies.setMembership', { contactId: clerk.id, companyId: company.id, jobTitle: 'Accounts clerk' });
    await core.call('notes.create', { contactId: owner.id, body: 'Wants all twelve flats serviced before winter' });
    await core.call('calls.log', { direction: 'inbound', number: '07700900201', startedAt: now, disposition: 'booked', notes: 'Boiler at Cotham Hill' });
    await core.call('notes.create', { contactId: clerk.id, body: 'Invoices to accounts@ please' });
    const job = await core.call('jobs.create', { contactId: manager.id, title: 'Service boiler', status: 'paid', invoicedMinor: 12_000 });
    const pipeline = await core.call('pipelines.createFromTemplate', { template: 'prospects' });
    const wonStage = pipeline.stages.find((stage) => stage.outcome === 'won')!;
    await core.call('deals.create', { contactId: owner.id, pipelineId: pipeline.id, stageId: wonStage.id, title: 'Annual contract', valueMinor: 250_000 });

    const page = await core.call('companies.rollup', { id: company.id });
    expect(page.company).toMatchObject({ name: 'Hartley Lettings', peopleCount: 3, primaryContactId: owner.id });
    expect(page.people.map((p) => [p.name, p.jobTitle, p.decisionMaker, p.primary])).toEqual([
      ['Ruth Hartley', 'Owner', true, true],
      ['Asha Nair', 'Accounts clerk', false, false],
      ['Tom Price', 'Property manager', false, false],
    ]);
    const titles = page.timeline.map((item) => `${item.contactName}: ${item.kind} ${item.detail || item.title}`);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Ruth Hartley: note Wants all twelve flats serviced before winter',
        'Tom Price: call Boiler at Cotham Hill',
        'Asha Nair: note Invoices to accounts@ please',
      ]),
    );
    expect(page.jobs.map((j) => j.id)).toEqual([job.id]);
    expect(page.deals.map((d) => [d.title, d.contactName])).toEqual([['Annual contract', 'Ruth Hartley']]);
    expect(page.revenue).toEqual({ paidJobs: [{ currency: 'GBP', amountMinor: 12_000 }], wonDeals: [{ currency: 'GBP', amountMinor: 250_000 }] });
  });

  it('moving a person to another company keeps their history and the move on their timeline', async () => {
    const first = await core.call('companies.create', { name: 'Hartley Lettings' });
    const second = await core.call('companies.create', { name: 'Avon Homes' });
    const tom = await person('Tom Price');
    await core.call('companies.setMembership', { contactId: tom.id, companyId: first.id, primary: true });
    await core.call('notes.create', { contactId: tom.id, body: 'Met at the Cotham Hill flats' });
    const moved = await core.call('companies.setMembership', { contactId: tom.id, companyId: second.id });
    expect(moved).toMatchObject({ companyId: second.id, company: 'Avon Homes' });
    expect((await core.call('companies.get', { id: first.id })).primaryContactId).toBeNull();
    const { items } = await core.call('timeline.list', { contactId: tom.id, limit: 50 });
    expect(items.map((item) => item.title)).toEqual(expect.arrayContaining([expect.stringMatching(/Company .*Hartley Lettings.* → .*Avon Homes/)]));
    expect(items.some((item) => item.detail === 'Met at the Cotham Hill flats')).toBe(true);
  });

  it('refuses a primary contact who is not one of the company’s people', async () => {
    const company = await core.call('companies.create', { name: 'Hartley Lettings' });
    const stranger = await person('Someone Else');
    const result = await core.invoke('companies.update', { id: company.id, patch: { primaryContactId: stranger.id } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'patch.primaryContactId' } });
  });
});

describe('linking existing contacts to companies', () => {
  it('groups by normalised company name and by firm e-mail domain, ignoring free-mail, and links in one undoable step', async () => {
    await person('Ruth Hartley', { company: 'Hartley & Sons Ltd.', emails: [{ type: 'work', address: 'ruth@hartley.co.uk' }] });
    await person('Tom Price', { company: 'hartley and sons limited' });
    await person('Asha Nair', { emails: [{ type: 'work', address: 'asha@avonhomes.com' }] });
    await person('Lee Green', { emails: [{ type: 'work', address: 'lee@avonhomes.com' }] });
    await person('Pat Gmail', { emails: [{ type: 'personal', address: 'pat@gmail.com' }] });
    await person('Sam Gmail', { emails: [{ type: 'personal', address: 'sam@gmail.com' }] });

    const suggestions = await core.call('companies.linkSuggestions', {});
    expect(suggestions.map((s) => [s.key, s.companyName, s.contacts.map((c) => c.name).sort()])).toEqual([
      ['domain:avonhomes.com', 'Avonhomes', ['Asha Nair', 'Lee Green']],
      ['name:hartley and sons', 'Hartley & Sons Ltd.', ['Ruth Hartley', 'Tom Price']],
    ]);

    const hartley = suggestions.find((s) => s.reason === 'name')!;
    const result = await core.call('companies.link', { groups: suggestions.map((s) => ({ key: s.key, contactIds: s.contacts.map((c) => c.id) })) });
    expect(result).toMatchObject({ companies: 2, contacts: 4 });
    const { items } = await core.call('companies.list', {});
    expect(items.map((c) => [c.name, c.peopleCount, c.domains])).toEqual([
      ['Avonhomes', 2, ['avonhomes.com']],
      ['Hartley & Sons Ltd.', 2, ['hartley.co.uk']],
    ]);
    expect((await core.call('contacts.get', { id: hartley.contacts.find((c) => c.name === 'Tom Price')!.id })).company).toBe('Hartley & Sons Ltd.');
    expect(await core.call('companies.linkSuggestions', {})).toEqual([]);

    await core.call('companies.undoLink', { undoId: result.undoId });
    expect((await core.call('companies.list', {})).total).toBe(0);
    const tom = await core.call('contacts.get', { id: hartley.contacts.find((c) => c.name === 'Tom Price')!.id });
    expect(tom).toMatchObject({ companyId: null, company: 'hartley and sons limited' });
    expect(await core.call('companies.linkSuggestions', {})).toHaveLength(2);
  });

  it('joins an existing company and refuses a group that is no longer offered', async () => {
    const company = await core.call('companies.create', { name: 'Hartley Lettings Ltd' });
    await person('Ruth Hartley', { company: 'HARTLEY LETTINGS' });
    const [suggestion] = await core.call('companies.linkSuggestions', {});
    expect(suggestion).toMatchObject({ companyId: company.id, companyName: 'Hartley Lettings Ltd' });
    await core.call('companies.link', { groups: [{ key: suggestion!.key, contactIds: suggestion!.contacts.map((c) => c.id) }] });
    const again = await core.invoke('companies.link', { groups: [{ key: suggestion!.key, contactIds: suggestion!.contacts.map((c) => c.id) }] });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await core.call('companies.get', { id: company.id })).peopleCount).toBe(1);
  });
});

describe('merging duplicates', () => {
  it('merges two contacts field by field, moves everything attached, and undo puts it all back', async () => {
    const left = await person('Ruth Hartley', { phones: [{ type: 'mobile', number: '+44 7700 900301' }], tags: ['landlord'], jobTitle: 'Owner' });
    const right = await person('R. Hartley', {
      phones: [{ type: 'mobile', number: '+44 7700 900301' }, { type: 'work', number: '+44 117 496 0001' }],
      emails: [{ type: 'work', address: 'ruth@hartley.co.uk' }],
      tags: ['vip'],
      jobTitle: 'Director',
      address: { street: '4 Cotham Hill', city: 'Bristol' },
    });
    expect((await core.call('contacts.duplicatesOf', { id: left.id })).map((d) => d.id)).toEqual([right.id]);
    const note = await core.call('notes.create', { contactId: right.id, body: 'Prefers mornings' });
    const call = await core.call('calls.log', { direction: 'inbound', number: '+44 117 496 0001', startedAt: now, disposition: 'booked' });
    const job = await core.call('jobs.create', { contactId: right.id, title: 'Gas safety check' });

    const { survivor, undoId } = await core.call('contacts.merge', { survivorId: left.id, otherId: right.id, fromOther: ['jobTitle', 'address'] });
    expect(survivor).toMatchObject({ name: 'Ruth Hartley', jobTitle: 'Director', address: { street: '4 Cotham Hill', city: 'Bristol' } });
    expect(survivor.phones.map((p) => p.e164)).toEqual(['+447700900301', '+441174960001']);
    expect(survivor.emails.map((e) => e.address)).toEqual(['ruth@hartley.co.uk']);
    expect(survivor.tags.sort()).toEqual(['landlord', 'vip']);
    expect((await core.call('notes.list', { contactId: left.id })).map((n) => n.id)).toEqual([note.id]);
    expect((await core.call('calls.get', { id: call.id })).contactId).toBe(left.id);
    expect((await core.call('jobs.get', { id: job.id })).contactId).toBe(left.id);
    expect((await core.invoke('contacts.get', { id: right.id })).ok).toBe(false);
    expect((await core.call('contacts.list', {})).total).toBe(1);

    const { survivor: back, restored } = await core.call('contacts.unmerge', { undoId });
    expect(back).toMatchObject({ jobTitle: 'Owner', address: { street: '' }, tags: ['landlord'] });
    expect(back.phones.map((p) => p.e164)).toEqual(['+447700900301']);
    expect(back.emails).toEqual([]);
    expect(restored).toMatchObject({ name: 'R. Hartley', jobTitle: 'Director' });
    expect((await core.call('notes.list', { contactId: right.id })).map((n) => n.id)).toEqual([note.id]);
    expect((await core.call('jobs.get', { id: job.id })).contactId).toBe(right.id);
    expect((await core.call('contacts.list', {})).total).toBe(2);
    expect((await core.invoke('contacts.unmerge', { undoId })).ok).toBe(false);
  });

  it('refuses to merge a contact into itself and changes nothing', async () => {
    const ruth = await person('Ruth Hartley');
    const result = await core.invoke('contacts.merge', { survivorId: ruth.id, otherId: ruth.id, fromOther: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'otherId' } });
    expect((await core.call('contacts.list', {})).total).toBe(1);
  });

  it('merges two companies: the other’s people move over, and undo splits them again', async () => {
    const a = await core.call('companies.create', { name: 'Hartley Lettings', domains: ['hartley.co.uk'] });
    const b = await core.call('companies.create', { name: 'Hartley Lettings Ltd', domains: ['hartleylettings.com'], phone: '0117 496 0000' });
    const ruth = await person('Ruth Hartley');
    const tom = await person('Tom Price');
    await core.call('companies.setMembership', { contactId: ruth.id, companyId: a.id });
    await core.call('companies.setMembership', { contactId: tom.id, companyId: b.id, primary: true });
    const { survivor, undoId } = await core.call('companies.merge', { survivorId: a.id, otherId: b.id, fromOther: ['phone'] });
    expect(survivor).toMatchObject({ name: 'Hartley Lettings', phone: '0117 496 0000', peopleCount: 2, primaryContactId: tom.id });
    expect(survivor.domains.sort()).toEqual(['hartley.co.uk', 'hartleylettings.com']);
    expect((await core.call('companies.list', {})).total).toBe(1);
    expect(await core.call('contacts.get', { id: tom.id })).toMatchObject({ companyId: a.id, company: 'Hartley Lettings' });

    const { survivor: back, restored } = await core.call('companies.unmerge', { undoId });
    expect(back).toMatchObject({ phone: '', peopleCount: 1, domains: ['hartley.co.uk'], primaryContactId: null });
    expect(restored).toMatchObject({ name: 'Hartley Lettings Ltd', peopleCount: 1 });
    expect(await core.call('contacts.get', { id: tom.id })).toMatchObject({ companyId: b.id, company: 'Hartley Lettings Ltd' });
  });
});
