import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

const now = Date.UTC(2026, 10, 20, 10, 0);
const hour = 60 * 60 * 1000;
let core: TempCore;
beforeEach(async () => {
  core = createTempCore({ now: () => now });
  await core.call('settings.update', { userName: 'Dana', currency: 'GBP' });
});
afterEach(() => core.dispose());

async function contactWithAddress() {
  return core.call('contacts.create', {
    draft: { name: 'Ann Baker', phones: [{ type: 'mobile', number: '+44 7700 900123' }], address: { street: '4 Mill Lane', city: 'Leeds', postcode: 'LS1 4AB' } },
  });
}

describe('jobs', () => {
  it('starts a job from a call with the caller, the first line of the notes as its title, and the contact’s address', async () => {
    const ann = await contactWithAddress();
    const call = await core.call('calls.log', {
      direction: 'inbound',
      number: '07700900123',
      startedAt: now - hour,
      disposition: 'booked',
      notes: 'Boiler leaking under the stairs\nAvailable after 3pm',
      emergency: true,
    });
    const start = await core.call('jobs.start', { callId: call.id });
    expect(start).toMatchObject({
      contact: { id: ann.id, name: 'Ann Baker' },
      callId: call.id,
      title: 'Boiler leaking under the stairs',
      description: 'Boiler leaking under the stairs\nAvailable after 3pm',
      address: '4 Mill Lane, Leeds, LS1 4AB',
      priority: 'urgent',
    });
    const job = await core.call('jobs.create', { contactId: start.contact!.id, callId: call.id, title: start.title, description: start.description, priority: start.priority });
    expect(job).toMatchObject({ status: 'new', contactName: 'Ann Baker', callId: call.id, assignee: 'Dana', address: '4 Mill Lane, Leeds, LS1 4AB', currency: 'GBP' });
    const ofCall = await core.call('jobs.list', { callId: call.id });
    expect(ofCall.items.map((item) => item.id)).toEqual([job.id]);
  });

  it('starts a job from a deal with its contact and title, and links and unlinks a deal later', async () => {
    const ann = await contactWithAddress();
    const pipeline = await core.call('pipelines.createFromTemplate', { template: 'prospects' });
    const deal = await core.call('deals.create', { contactId: ann.id, pipelineId: pipeline.id, title: 'New bathroom', valueMinor: 500_000 });
    const start = await core.call('jobs.start', { dealId: deal.id });
    expect(start).toMatchObject({ contact: { id: ann.id }, dealId: deal.id, title: 'New bathroom' });
    const job = await core.call('jobs.create', { contactId: ann.id, title: 'Survey' });
    expect((await core.call('jobs.update', { id: job.id, patch: { dealId: deal.id } })).dealId).toBe(deal.id);
    expect((await core.call('jobs.list', { dealId: deal.id })).total).toBe(1);
    expect((await core.call('jobs.update', { id: job.id, patch: { dealId: null } })).dealId).toBeNull();
  });

  it('refuses invoiced without an amount, and marks a job paid today when no date is given', async () => {
    const ann = await contactWithAddress();
    const job = await core.call('jobs.create', { contactId: ann.id, title: 'Radiator' });
    const refused = await core.invoke('jobs.update', { id: job.id, patch: { status: 'invoiced' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'invoicedMinor' } });
    expect((await core.call('jobs.get', { id: job.id })).status).toBe('new');
    await core.call('jobs.update', { id: job.id, patch: { status: 'invoiced', invoicedMinor: 12_050 } });
    const paid = await core.call('jobs.update', { id: job.id, patch: { status: 'paid' } });
    expect(paid).toMatchObject({ status: 'paid', invoicedMinor: 12_050, paidAt: now });
    const negative = await core.invoke('jobs.create', { contactId: ann.id, title: 'Refund', invoicedMinor: -5 });
    expect(negative).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a job for a contact that does not exist, and without a title', async () => {
    expect(await core.invoke('jobs.create', { contactId: 'nobody', title: 'X' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'contactId' } });
    const ann = await contactWithAddress();
    expect(await core.invoke('jobs.create', { contactId: ann.id, title: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'title' } });
    expect((await core.call('jobs.list', {})).total).toBe(0);
  });

  it('filters by status (open = new, scheduled and in progress) and sorts by the scheduled time, undated last', async () => {
    const ann = await contactWithAddress();
    const later = await core.call('jobs.create', { contactId: ann.id, title: 'Later', status: 'scheduled', scheduledAt: now + 48 * hour });
    const soon = await core.call('jobs.create', { contactId: ann.id, title: 'Soon', status: 'scheduled', scheduledAt: now + 2 * hour });
    const undated = await core.call('jobs.create', { contactId: ann.id, title: 'Undated' });
    await core.call('jobs.create', { contactId: ann.id, title: 'Finished', status: 'done' });
    const open = await core.call('jobs.list', { status: 'open', sort: { field: 'scheduledAt', direction: 'asc' } });
    expect(open.items.map((job) => job.id)).toEqual([soon.id, later.id, undated.id]);
    expect((await core.call('jobs.list', { status: 'done' })).items.map((job) => job.title)).toEqual(['Finished']);
  });

  it('counts jobs today and this week, and invoiced but unpaid per currency', async () => {
    const ann = await contactWithAddress();
    const day = 24 * hour;
    const startOfToday = Date.UTC(2026, 10, 20);
    await core.call('jobs.create', { contactId: ann.id, title: 'Today', status: 'scheduled', scheduledAt: startOfToday + 14 * hour });
    await core.call('jobs.create', { contactId: ann.id, title: 'Thursday', status: 'scheduled', scheduledAt: startOfToday - day });
    await core.call('jobs.create', { contactId: ann.id, title: 'Cancelled today', status: 'cancelled', scheduledAt: startOfToday + 9 * hour });
    await core.call('jobs.create', { contactId: ann.id, title: 'Invoiced', status: 'invoiced', invoicedMinor: 30_000 });
    await core.call('jobs.create', { contactId: ann.id, title: 'Paid', status: 'paid', invoicedMinor: 10_000 });
    const figures = await core.call('jobs.figures', { startOfToday, endOfToday: startOfToday + day, startOfWeek: startOfToday - 4 * day, endOfWeek: startOfToday + 3 * day });
    expect(figures).toEqual({ today: 1, thisWeek: 2, invoicedUnpaid: [{ currency: 'GBP', count: 1, totalMinor: 30_000 }] });
  });

  it('puts a job and its payment on the contact’s timeline', async () => {
    const ann = await contactWithAddress();
    const job = await core.call('jobs.create', { contactId: ann.id, title: 'Boiler service', status: 'invoiced', invoicedMinor: 9_500 });
    await core.call('jobs.update', { id: job.id, patch: { status: 'paid' } });
    const timeline = await core.call('timeline.list', { contactId: ann.id, kinds: ['job'] });
    expect(timeline.items.map((item) => item.title).sort()).toEqual(['Job paid £95.00: Boiler service', 'Job: Boiler service']);
  });

  it('deletes a job and brings it back', async () => {
    const ann = await contactWithAddress();
    const job = await core.call('jobs.create', { contactId: ann.id, title: 'Gutter' });
    await core.call('jobs.delete', { id: job.id });
    expect((await core.call('jobs.list', {})).total).toBe(0);
    expect(await core.invoke('jobs.get', { id: job.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await core.call('jobs.restore', { id: job.id });
    expect((await core.call('jobs.list', {})).total).toBe(1);
  });

  it('writes a job through the change log, so another laptop applying the changes has the same job', async () => {
    const ann = await contactWithAddress();
    const job = await core.call('jobs.create', { contactId: ann.id, title: 'Tap washer', status: 'scheduled', scheduledAt: now + hour });
    await core.call('jobs.update', { id: job.id, patch: { status: 'in_progress' } });
    const other = createTempCore({ now: () => now });
    try {
      other.engine.applyRemoteChanges(core.engine.outbox(1000).map((entry) => entry.change));
      expect(await other.call('jobs.get', { id: job.id })).toEqual(await core.call('jobs.get', { id: job.id }));
    } finally {
      other.dispose();
    }
  });
});
