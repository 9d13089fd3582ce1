import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

const now = Date.UTC(2026, 10, 20, 10, 0);
const minute = 60_000;
let core: TempCore;
beforeEach(async () => {
  core = createTempCore({ now: () => now });
  await core.call('settings.update', { userName: 'Sam' });
});
afterEach(() => core.dispose());

/** A call as the phone line writes it: answered, with no outcome yet. */
function ringIn(number: string, startedAt: number, extra: { emergency?: boolean; contactId?: string } = {}): string {
  const id = uuidv7();
  core.engine.transaction((tx) =>
    tx.write('calls', id, {
      contact_id: extra.contactId ?? null,
      direction: 'inbound',
      number,
      started_at: startedAt,
      duration_seconds: 90,
      status: 'completed',
      disposition: '',
      provider: 'twilio',
      provider_id: `CA${id}`,
      emergency: extra.emergency ? 1 : 0,
      created_at: startedAt,
      cl: 1,
    }),
  );
  return id;
}

describe('the triage queue', () => {
  it('lists calls without an outcome oldest first, or emergencies first, and a call leaves it once it has an outcome', async () => {
    const first = ringIn('+442079460001', now - 50 * minute);
    const second = ringIn('+442079460002', now - 40 * minute);
    const burst = ringIn('+442079460003', now - 10 * minute, { emergency: true });
    await core.call('calls.log', { direction: 'inbound', number: '+442079460004', startedAt: now - 60 * minute, disposition: 'booked' });

    const oldest = await core.call('calls.triageQueue', { order: 'oldest' });
    expect(oldest.items.map((item) => item.id)).toEqual([first, second, burst]);
    expect(oldest.total).toBe(3);
    const urgent = await core.call('calls.triageQueue', { order: 'urgency' });
    expect(urgent.items.map((item) => item.id)).toEqual([burst, first, second]);
    expect(urgent.items[0]).toMatchObject({ reason: 'no_outcome', emergency: true });

    await core.call('calls.update', { id: first, patch: { disposition: 'quote needed' } });
    const after = await core.call('calls.triageQueue', { order: 'oldest', limit: 1 });
    expect(after).toEqual({ total: 2, items: [expect.objectContaining({ id: second })] });
  });

  it('puts a call marked as an emergency at the top when sorted by urgency, and drops one marked as spam', async () => {
    const first = ringIn('+442079460001', now - 50 * minute);
    const second = ringIn('+442079460002', now - 40 * minute);
    await core.call('calls.update', { id: second, patch: { emergency: true } });
    expect((await core.call('calls.triageQueue', { order: 'urgency' })).items.map((item) => item.id)).toEqual([second, first]);
    await core.call('calls.update', { id: first, patch: { spam: true } });
    expect((await core.call('calls.triageQueue', {})).items.map((item) => item.id)).toEqual([second]);
  });

  it('refuses an outcome the office does not use, and changes nothing', async () => {
    const id = ringIn('+442079460001', now - minute);
    const answer = await core.invoke('calls.update', { id, patch: { disposition: 'maybe' } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'disposition' } });
    expect((await core.call('calls.get', { id })).disposition).toBe('');
  });

  it('saves notes and a value estimate as they are typed, without giving the call an outcome', async () => {
    const id = ringIn('+442079460001', now - minute);
    await core.call('calls.update', { id, patch: { notes: 'Leak in the kitchen' } });
    const call = await core.call('calls.update', { id, patch: { valueEstimateMinor: 45_000 } });
    expect(call).toMatchObject({ notes: 'Leak in the kitchen', valueEstimateMinor: 45_000, disposition: '' });
    expect((await core.call('calls.triageQueue', {})).total).toBe(1);
  });

  it('applies the SLA rule of the first outcome, and lists the call again when its call-back falls due', async () => {
    const lead = await core.call('contacts.create', { draft: { name: 'Lead', contactType: 'lead', phones: [{ type: 'mobile', number: '+447700900123' }] } });
    const id = ringIn('+447700900123', now - 5 * minute, { contactId: lead.id });
    const call = await core.call('calls.update', { id, patch: { disposition: 'no answer' } });
    expect(call.status).toBe('no-answer');
    const followUps = await core.call('followups.list', { view: 'upcoming', scope: 'team', contactId: lead.id, endOfToday: now });
    expect(followUps.items.map((followUp) => followUp.callId)).toEqual([id]);
    expect((await core.call('calls.triageQueue', {})).total).toBe(0);

    const later = createTempCore({ dataDir: core.dataDir, now: () => now + 3 * 60 * minute });
    try {
      const queue = await later.call('calls.triageQueue', {});
      expect(queue.items).toEqual([expect.objectContaining({ id, reason: 'call_back_due' })]);
    } finally {
      later.close();
    }
  });

  it('lists the history of one number', async () => {
    ringIn('+442079460001', now - 50 * minute);
    ringIn('+442079460001', now - 20 * minute);
    ringIn('+442079460002', now - 10 * minute);
    expect((await core.call('calls.list', { number: '+442079460001' })).total).toBe(2);
  });
});
