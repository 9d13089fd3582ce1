import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

const minute = 60_000;
const hour = 60 * minute;
const t0 = Date.UTC(2026, 10, 20, 9, 0);
let clock = t0;
let core: TempCore;

beforeEach(async () => {
  clock = t0;
  core = createTempCore({ now: () => clock });
  await core.call('settings.update', {
    userName: 'Sam',
    slaRules: [
      { id: 'missed-lead-call', name: 'Missed call from a lead', contactType: 'lead', callOutcome: 'no answer', withinMinutes: 120, followUpTitle: 'Call back' },
      { id: 'quote-call', name: 'Quote asked for', callOutcome: 'quote needed', withinMinutes: 60, followUpTitle: 'Ring back with a price' },
    ],
  });
});
afterEach(() => core.dispose());

/** Logs a call with its outcome at `at` (so its SLA call-back is due at `at` + the rule's promise) and returns its call-back's follow-up. */
async function callWithOutcome(number: string, outcome: string, at: number) {
  clock = at;
  const call = await core.call('calls.log', { direction: 'inbound', number, startedAt: at, disposition: outcome });
  expect(call.callBack).not.toBeNull();
  return call.callBack!;
}

async function makeCallBack(followUpId: string, by: string, at: number) {
  clock = at;
  await core.call('settings.update', { userName: by });
  await core.call('followups.complete', { id: followUpId });
}

describe('call-backs under an SLA rule', () => {
  it('carries its promise on the call, in the calls list and in the triage queue once due', async () => {
    await core.call('contacts.create', { draft: { name: 'Lead', contactType: 'lead', phones: [{ type: 'mobile', number: '+447700900123' }] } });
    const callBack = await callWithOutcome('+447700900123', 'no answer', t0);
    expect(callBack).toMatchObject({ slaRuleId: 'missed-lead-call', dueAt: t0 + 2 * hour, doneAt: null });
    const page = await core.call('calls.list', {});
    expect(page.items[0]!.callBack).toEqual(callBack);

    clock = t0 + 3 * hour;
    const queue = await core.call('calls.triageQueue', {});
    expect(queue.items[0]).toMatchObject({ reason: 'call_back_due', callBack: { followUpId: callBack.followUpId, dueAt: t0 + 2 * hour } });
  });
});

describe('the SLA report', () => {
  it('counts call-backs made in time (one exactly at its deadline), made late, open and overdue (one never made) and not yet due, by outcome and by member', async () => {
    await core.call('contacts.create', { draft: { name: 'Lead A', contactType: 'lead', phones: [{ type: 'mobile', number: '+447700900001' }] } });
    await core.call('contacts.create', { draft: { name: 'Lead B', contactType: 'lead', phones: [{ type: 'mobile', number: '+447700900002' }] } });
    await core.call('contacts.create', { draft: { name: 'Customer', contactType: 'customer', phones: [{ type: 'mobile', number: '+447700900003' }] } });
    const customer = '+447700900003';

    // Promises (due) and what became of them; the report covers call-backs due from t0+1h to t0+6h.
    const a = await callWithOutcome('+447700900001', 'no answer', t0); //            due t0+2h, made by Sam at t0+2h exactly: in time
    const b = await callWithOutcome('+447700900002', 'no answer', t0 + 10 * minute); // due t0+2h10, made by Alex at t0+3h: late
    const c = await callWithOutcome(customer, 'quote needed', t0); //                   due t0+1h, never made: overdue (Sam's)
    const d = await callWithOutcome(customer, 'quote needed', t0 + 4.5 * hour); //      due t0+5h30, open at t0+5h: not yet due
    const e = await callWithOutcome(customer, 'quote needed', t0 + 30 * minute); //     due t0+1h30, made by Alex at t0+1h: in time
    const h = await callWithOutcome(customer, 'quote needed', t0 + hour); //            due t0+2h, made by Sam at t0+1h30: in time
    await callWithOutcome(customer, 'quote needed', t0 - 2 * hour); //                  due t0-1h: outside the period
    expect([a.dueAt, b.dueAt, c.dueAt, d.dueAt]).toEqual([t0 + 2 * hour, t0 + 130 * minute, t0 + hour, t0 + 5.5 * hour]);

    await makeCallBack(e.followUpId, 'Alex', t0 + hour);
    await makeCallBack(h.followUpId, 'Sam', t0 + 90 * minute);
    await makeCallBack(a.followUpId, 'Sam', t0 + 2 * hour);
    await makeCallBack(b.followUpId, 'Alex', t0 + 3 * hour);

    clock = t0 + 5 * hour;
    const report = await core.call('calls.slaReport', { from: t0 + hour, to: t0 + 6 * hour });
    expect(report.total).toEqual({ madeInTime: 3, madeLate: 1, openOverdue: 1, openNotDue: 1, shareInTime: 3 / 5 });
    expect(report.byOutcome).toEqual([
      { outcome: 'no answer', madeInTime: 1, madeLate: 1, openOverdue: 0, openNotDue: 0, shareInTime: 1 / 2 },
      { outcome: 'quote needed', madeInTime: 2, madeLate: 0, openOverdue: 1, openNotDue: 1, shareInTime: 2 / 3 },
    ]);
    expect(report.byMember).toEqual([
      { member: 'Alex', madeInTime: 1, madeLate: 1, openOverdue: 0, openNotDue: 0, shareInTime: 1 / 2 },
      { member: 'Sam', madeInTime: 2, madeLate: 0, openOverdue: 1, openNotDue: 1, shareInTime: 2 / 3 },
    ]);
  });

  it('refuses a period that ends before it starts, and has no share when nothing was due', async () => {
    const refused = await core.invoke('calls.slaReport', { from: t0, to: t0 - 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'to' } });
    const report = await core.call('calls.slaReport', { from: t0, to: t0 + hour });
    expect(report.total).toEqual({ madeInTime: 0, madeLate: 0, openOverdue: 0, openNotDue: 0, shareInTime: null });
  });
});
