import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallHandlingSchema } from '../../../src-shared/domain/telephony';
import { phoneSettingsKey } from '../../../src-main/phone/service';
import { LocalState } from '../../../src-main/settings/local-state';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// Thursday 3 December 2026, London (UTC in winter).
const now = Date.UTC(2026, 11, 3, 23, 0);
let core: TempCore;
beforeEach(async () => {
  core = createTempCore({ now: () => now });
  await core.call('settings.update', { userName: 'Sam', emergencyKeywords: ['leak', 'burst pipe'] });
  // The phone line's settings as this laptop last fetched them from the relay.
  new LocalState(core.sqlite).set(phoneSettingsKey, {
    configured: true,
    handling: CallHandlingSchema.parse({ timeZone: 'Europe/London', openingHours: [1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:00', closes: '17:30' })) }),
  });
});
afterEach(() => core.dispose());

/** A call as the phone line writes it (the relay's change applied on this laptop). */
function arrive(at: number, transcript = ''): string {
  const id = uuidv7();
  core.engine.transaction((tx) =>
    tx.write('calls', id, { direction: 'inbound', number: '+442079460001', started_at: at, status: 'no-answer', disposition: '', provider: 'twilio', provider_id: `CA${id}`, transcript, created_at: at, cl: 1 }),
  );
  return id;
}

describe('after-hours and emergency calls', () => {
  it('marks a call at 22:00 as after hours and one at 10:00 not, in the list and in triage', async () => {
    const late = arrive(Date.UTC(2026, 11, 3, 22, 0));
    const morning = arrive(Date.UTC(2026, 11, 3, 10, 0));
    expect((await core.call('calls.get', { id: late })).afterHours).toBe(true);
    expect((await core.call('calls.get', { id: morning })).afterHours).toBe(false);
    const page = await core.call('calls.list', {});
    expect(page.items.map((call) => [call.id, call.afterHours])).toEqual([
      [late, true],
      [morning, false],
    ]);
    const queue = await core.call('calls.triageQueue', {});
    expect(queue.items.find((item) => item.id === late)?.afterHours).toBe(true);
  });

  it('puts a call whose transcript says "burst pipe" at the top of triage by urgency, as it arrives', async () => {
    const first = arrive(now - 60 * 60_000);
    const burst = arrive(now - 10 * 60_000, 'Hello, we have a Burst  pipe in the kitchen, water everywhere');
    const call = await core.call('calls.get', { id: burst });
    expect(call).toMatchObject({ emergencyKeyword: 'burst pipe', emergency: false });
    const queue = await core.call('calls.triageQueue', { order: 'urgency' });
    expect(queue.items.map((item) => item.id)).toEqual([burst, first]);
    expect(queue.items[0]).toMatchObject({ emergency: true, emergencyKeyword: 'burst pipe' });
  });

  it('flags a call as its notes are typed, and drops the flag when the word goes or the office stops listing it', async () => {
    const first = arrive(now - 60 * 60_000);
    const second = arrive(now - 30 * 60_000);
    await core.call('calls.update', { id: second, patch: { notes: 'Caller reports a leak under the boiler' } });
    expect((await core.call('calls.triageQueue', { order: 'urgency' })).items.map((item) => item.id)).toEqual([second, first]);
    await core.call('settings.update', { emergencyKeywords: ['flood'] });
    expect((await core.call('calls.get', { id: second })).emergencyKeyword).toBe('');
    expect((await core.call('calls.triageQueue', { order: 'urgency' })).items.map((item) => item.id)).toEqual([first, second]);
  });
});
