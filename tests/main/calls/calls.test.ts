import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

const now = Date.UTC(2026, 10, 20, 10, 0);
let core: TempCore;
beforeEach(async () => {
  core = createTempCore({ now: () => now });
  await core.call('settings.update', { userName: 'Sam' });
});
afterEach(() => core.dispose());

describe('call log', () => {
  it('matches a logged number to its contact by E.164, however it was typed', async () => {
    const ann = await core.call('contacts.create', { draft: { name: 'Ann', phones: [{ type: 'mobile', number: '+44 7700 900123' }] } });
    const call = await core.call('calls.log', {
      direction: 'inbound',
      number: '07700900123',
      startedAt: now - 60_000,
      durationSeconds: 200,
      disposition: 'booked',
    });
    expect(call).toMatchObject({ contactId: ann.id, contactName: 'Ann', number: '+447700900123' });
  });

  it('keeps a call from an unknown number unlinked, then links it and its siblings to a new contact', async () => {
    const first = await core.call('calls.log', { direction: 'inbound', number: '020 7946 0000', startedAt: now - 5000, disposition: 'call back' });
    await core.call('calls.log', { direction: 'inbound', number: '+442079460000', startedAt: now - 4000, disposition: 'no answer', status: 'no-answer' });
    expect(first.contactId).toBeNull();
    const contact = await core.call('contacts.create', { draft: { name: 'New caller', phones: [{ type: 'work', number: first.number }] } });
    await core.call('calls.linkContact', { callId: first.id, contactId: contact.id });
    const ofContact = await core.call('calls.list', { contactId: contact.id });
    expect(ofContact.total).toBe(2);
  });

  it('says whose a number is as it is typed, and nobody for an unknown or unfinished one', async () => {
    const ann = await core.call('contacts.create', { draft: { name: 'Ann', phones: [{ type: 'mobile', number: '+44 7700 900123' }] } });
    expect(await core.call('calls.whoseNumber', { number: '07700 900123' })).toEqual({ number: '+447700900123', contact: { id: ann.id, name: 'Ann' } });
    expect(await core.call('calls.whoseNumber', { number: '07700 900999' })).toEqual({ number: '+447700900999', contact: null });
    expect(await core.call('calls.whoseNumber', { number: '0770' })).toEqual({ number: null, contact: null });
  });

  it('records a call whose outcome is nobody answered as unanswered, even where the office list lacks it', async () => {
    await core.call('settings.update', { callDispositions: ['booked', 'call back'] });
    const call = await core.call('calls.log', { direction: 'outbound', number: '02079460000', startedAt: now, disposition: 'no answer' });
    expect(call).toMatchObject({ disposition: 'no answer', status: 'no-answer' });
    const answered = await core.call('calls.log', { direction: 'outbound', number: '02079460000', startedAt: now, disposition: 'booked' });
    expect(answered.status).toBe('completed');
  });

  it('requires an outcome from the configured list', async () => {
    const result = await core.invoke('calls.log', { direction: 'inbound', number: '02079460000', startedAt: now, disposition: 'maybe' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'disposition' } });
    expect((await core.call('calls.list', {})).total).toBe(0);
  });

  it('filters call history by direction, outcome, date range and unanswered', async () => {
    const log = (direction: 'inbound' | 'outbound', disposition: string, status: 'completed' | 'no-answer', startedAt: number) =>
      core.call('calls.log', { direction, number: '02079460001', startedAt, disposition, status });
    await log('inbound', 'booked', 'completed', now - 3 * 86_400_000);
    await log('outbound', 'no answer', 'no-answer', now - 2 * 86_400_000);
    await log('inbound', 'quote needed', 'completed', now - 86_400_000);
    expect((await core.call('calls.list', { direction: 'outbound' })).total).toBe(1);
    expect((await core.call('calls.list', { unansweredOnly: true })).items[0]?.disposition).toBe('no answer');
    expect((await core.call('calls.list', { from: now - 2.5 * 86_400_000 })).total).toBe(2);
    const sorted = await core.call('calls.list', { sort: { field: 'startedAt', direction: 'asc' } });
    expect(sorted.items.map((item) => item.disposition)).toEqual(['booked', 'no answer', 'quote needed']);
  });

  it('creates the follow-up an SLA rule asks for: a missed call from a lead is called back within 2 hours', async () => {
    const lead = await core.call('contacts.create', {
      draft: { name: 'Lead', contactType: 'lead', phones: [{ type: 'mobile', number: '07700900999' }] },
    });
    await core.call('calls.log', { direction: 'inbound', number: '07700900999', startedAt: now, disposition: 'no answer', status: 'no-answer' });
    const open = await core.call('followups.list', { view: 'today', contactId: lead.id, endOfToday: now + 86_400_000 });
    expect(open.items).toMatchObject([{ title: 'Call back (missed call)', dueAt: now + 2 * 3_600_000, slaRuleId: 'missed-lead-call', standing: 'ok' }]);
  });
});
