import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

const now = Date.UTC(2026, 10, 20, 10, 0);
const day = 24 * 60 * 60 * 1000;
let core: TempCore;
beforeEach(async () => {
  core = createTempCore({ now: () => now });
  await core.call('settings.update', { userName: 'Dana', currency: 'GBP' });
});
afterEach(() => core.dispose());

const person = (name: string, extra: Record<string, unknown> = {}) => core.call('contacts.create', { draft: { name, ...extra } });

async function paidJob(contactId: string, title: string, invoicedMinor: number, currency = 'GBP') {
  return core.call('jobs.create', { contactId, title, status: 'paid', invoicedMinor, currency, paidAt: now - day });
}

describe('a job booked before its contact is known', () => {
  it('is kept with what to find them by, suggests the contact by e-mail, phone and company, and links once confirmed', async () => {
    const ruth = await person('Ruth Hartley', {
      phones: [{ type: 'mobile', number: '07700 900123' }],
      emails: [{ type: 'work', address: 'ruth@cothamlettings.co.uk' }],
      address: { street: '4 Cotham Hill', city: 'Bristol', postcode: 'BS6 6LA' },
    });
    const company = await core.call('companies.create', { name: 'Cotham Lettings Ltd' });
    const omar = await person('Omar Said');
    await core.call('companies.setMembership', { contactId: omar.id, companyId: company.id, primary: true });

    const job = await core.call('jobs.create', { title: 'Leak under the sink', reach: { phone: '+44 7700 900123' } });
    expect(job).toMatchObject({ contactId: '', contactName: '', reach: { phone: '+44 7700 900123', email: '', company: '' }, address: '' });

    // The same number typed the local way finds her; the e-mail ignores case; the company finds its primary contact.
    expect(await core.call('jobs.suggestContacts', { phone: '07700 900123' })).toEqual([
      { contact: { id: ruth.id, name: 'Ruth Hartley' }, reason: 'phone', because: 'Same phone number' },
    ]);
    expect((await core.call('jobs.suggestContacts', { email: 'Ruth@CothamLettings.co.uk' })).map((s) => s.contact.id)).toEqual([ruth.id]);
    expect(await core.call('jobs.suggestContacts', { company: 'cotham lettings' })).toEqual([
      { contact: { id: omar.id, name: 'Omar Said' }, reason: 'company', because: 'Works at Cotham Lettings Ltd' },
    ]);
    // E-mail outranks the company when both are given.
    const both = await core.call('jobs.suggestContacts', { email: 'ruth@cothamlettings.co.uk', company: 'Cotham Lettings' });
    expect(both.map((s) => s.reason)).toEqual(['email', 'company']);
    expect(await core.call('jobs.suggestContacts', { phone: '0117 496 0000' })).toEqual([]);

    const linked = await core.call('jobs.update', { id: job.id, patch: { contactId: ruth.id } });
    expect(linked).toMatchObject({ contactId: ruth.id, contactName: 'Ruth Hartley', address: '4 Cotham Hill, Bristol, BS6 6LA' });
    const timeline = await core.call('timeline.list', { contactId: ruth.id, kinds: ['job'] });
    expect(timeline.items.map((item) => item.title)).toContain('Job: Leak under the sink');
  });

  it('refuses a job with neither a contact nor anything to find one by, and a link to a deleted contact', async () => {
    const refused = await core.invoke('jobs.create', { title: 'Mystery job', reach: { phone: '  ' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(refused)).toContain('give a phone, e-mail or company');
    const job = await core.call('jobs.create', { title: 'Gutter', reach: { company: 'Acme' } });
    const gone = await person('Gone Soon');
    await core.call('contacts.delete', { id: gone.id });
    expect(await core.invoke('jobs.update', { id: job.id, patch: { contactId: gone.id } })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'contactId' } });
    expect((await core.call('jobs.get', { id: job.id })).contactId).toBe('');
  });

  it('starts from an unknown caller’s call with their number to find them by', async () => {
    const call = await core.call('calls.log', { direction: 'inbound', number: '+441174960123', startedAt: now - 60_000, disposition: 'booked', notes: 'New boiler quote' });
    const start = await core.call('jobs.start', { callId: call.id });
    expect(start).toMatchObject({ contact: null, reach: { phone: '+441174960123' }, title: 'New boiler quote' });
  });
});

describe('revenue from paid jobs, and what a referral partner brought', () => {
  it('sums a contact’s paid jobs per currency and counts its jobs, leaving out cancelled and unpaid ones', async () => {
    const ann = await person('Ann Baker');
    await paidJob(ann.id, 'Boiler service', 9_500);
    await paidJob(ann.id, 'New radiator', 42_000);
    await paidJob(ann.id, 'Holiday flat', 10_000, 'EUR');
    await core.call('jobs.create', { contactId: ann.id, title: 'Invoiced, not paid', status: 'invoiced', invoicedMinor: 7_000 });
    await core.call('jobs.create', { contactId: ann.id, title: 'Called off', status: 'cancelled' });
    expect(await core.call('revenue.ofContact', { id: ann.id })).toMatchObject({
      jobs: 4,
      paidJobs: 3,
      paid: [
        { currency: 'EUR', amountMinor: 10_000 },
        { currency: 'GBP', amountMinor: 51_500 },
      ],
      referredBy: null,
      referrals: { count: 0, paidJobs: 0, paid: [], people: [] },
    });
  });

  it('gives a partner the jobs and revenue of the contacts it referred; a new referrer replaces the old', async () => {
    const partner = await person('Bristol Letting Agents', { contactType: 'partner' });
    const other = await person('Other Agent', { contactType: 'partner' });
    const ann = await person('Ann Baker');
    const ben = await person('Ben Cole');
    await paidJob(ann.id, 'Rewire', 120_000);
    await paidJob(ben.id, 'Tap', 8_000);
    await paidJob(ben.id, 'Shower', 30_000);
    await core.call('revenue.setReferrer', { contactId: ann.id, partnerId: partner.id });
    const benNow = await core.call('revenue.setReferrer', { contactId: ben.id, partnerId: other.id });
    expect(benNow.referredBy).toEqual({ id: other.id, name: 'Other Agent' });
    await core.call('revenue.setReferrer', { contactId: ben.id, partnerId: partner.id });

    const brought = await core.call('revenue.ofContact', { id: partner.id });
    expect(brought.referrals).toEqual({
      count: 2,
      paidJobs: 3,
      paid: [{ currency: 'GBP', amountMinor: 158_000 }],
      people: [
        { id: ann.id, name: 'Ann Baker', paidJobs: 1, paid: [{ currency: 'GBP', amountMinor: 120_000 }] },
        { id: ben.id, name: 'Ben Cole', paidJobs: 2, paid: [{ currency: 'GBP', amountMinor: 38_000 }] },
      ],
    });
    expect((await core.call('revenue.ofContact', { id: other.id })).referrals.count).toBe(0);

    await core.call('revenue.setReferrer', { contactId: ann.id, partnerId: null });
    expect((await core.call('revenue.ofContact', { id: ann.id })).referredBy).toBeNull();
    expect((await core.call('revenue.ofContact', { id: partner.id })).referrals.count).toBe(1);
    expect(await core.invoke('revenue.setReferrer', { contactId: ann.id, partnerId: ann.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('keeps the referrals a partner made when it is merged into its duplicate, and gives them back on undo', async () => {
    const partner = await person('Bristol Letting Agents');
    const duplicate = await person('Bristol Letting Agents Ltd');
    const ann = await person('Ann Baker');
    await paidJob(ann.id, 'Rewire', 120_000);
    await core.call('revenue.setReferrer', { contactId: ann.id, partnerId: duplicate.id });
    const { undoId } = await core.call('contacts.merge', { survivorId: partner.id, otherId: duplicate.id });
    expect((await core.call('revenue.ofContact', { id: partner.id })).referrals.people.map((p) => p.name)).toEqual(['Ann Baker']);
    expect((await core.call('revenue.ofContact', { id: ann.id })).referredBy?.id).toBe(partner.id);
    await core.call('contacts.unmerge', { undoId });
    expect((await core.call('revenue.ofContact', { id: ann.id })).referredBy?.id).toBe(duplicate.id);
  });
});
