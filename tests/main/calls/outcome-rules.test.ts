import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlaRule } from '../../../src-shared/domain/settings';
import { CallerMatching } from '../../../src-main/phone/caller-matching';
import { createTempCore, type TempCore } from '../../helpers/temp-core';
import { settled } from '../bulk/bulk-helpers';

// One set of SLA rules for a call's first outcome, whichever way it is given: the triage drawer
// (calls.update) and a bulk outcome on the calls list (bulk.start) promise the same call-back.

const minute = 60_000;
const t0 = Date.UTC(2026, 11, 3, 9, 0);
let clock = t0;
let core: TempCore;

beforeEach(async () => {
  clock = t0;
  core = createTempCore({ now: () => clock });
  await core.call('settings.update', {
    userName: 'Sam',
    callDispositions: ['booked', 'quote needed'],
    slaRules: [{ id: 'quote-call', name: 'Quote asked for', contactType: 'lead', callOutcome: 'quote needed', withinMinutes: 60, followUpTitle: 'Ring back with a price' }],
  });
});
afterEach(() => core.dispose());

/** A lead's missed call as the phone line writes it: no outcome yet (or the one the relay gave it). */
async function leadCallWithoutOutcome(name: string, number: string, at: number, contactType = 'lead', disposition = ''): Promise<string> {
  const contact = await core.call('contacts.create', { draft: { name, contactType, phones: [{ type: 'mobile', number }] } });
  const id = uuidv7();
  core.engine.transaction((tx) =>
    tx.write('calls', id, { contact_id: contact.id, direction: 'inbound', number, started_at: at, status: 'no-answer', disposition, provider: 'twilio', provider_id: `CA${id}`, created_at: at, cl: 1 }),
  );
  return id;
}

function callBacksOf(callId: string) {
  return core.sqlite
    .prepare(
      'SELECT title, due_at - (SELECT started_at FROM calls WHERE id = ?) AS after_call, sla_rule_id, priority, assignee FROM follow_ups WHERE call_id = ? AND cl % 2 = 1 ORDER BY sla_rule_id',
    )
    .all(callId, callId);
}

describe('the SLA rules of a first outcome', () => {
  it('make the same call-back for a bulk outcome as for the drawer’s, and only for calls without an outcome', async () => {
    const inDrawer = await leadCallWithoutOutcome('Dana Drawer', '+447400123401', t0 - 5 * minute);
    const inBulk = await leadCallWithoutOutcome('Bea Bulk', '+447400123402', t0 - 5 * minute);
    const decided = await leadCallWithoutOutcome('Otto Outcome', '+447400123403', t0 - 5 * minute);
    await core.call('calls.update', { id: decided, patch: { disposition: 'booked' } });

    await core.call('calls.update', { id: inDrawer, patch: { disposition: 'quote needed' } });
    const bulk = await settled(
      core,
      (await core.call('bulk.start', { list: 'calls', request: {}, selection: { mode: 'ids', ids: [inBulk, decided] }, action: { type: 'setOutcome', outcome: 'quote needed' } })).id,
    );
    expect(bulk).toMatchObject({ state: 'done', changed: 2 });

    const promised = [{ title: 'Ring back with a price', after_call: 5 * minute + 60 * minute, sla_rule_id: 'quote-call', priority: 'high', assignee: 'Sam' }];
    expect(callBacksOf(inDrawer)).toEqual(promised);
    expect(callBacksOf(inBulk)).toEqual(promised);
    // A call that had its outcome already is not a first outcome: no promise.
    expect(callBacksOf(decided)).toEqual([]);
    expect((await core.call('calls.get', { id: inBulk })).callBack).toMatchObject({ slaRuleId: 'quote-call', dueAt: t0 + 60 * minute });
  });

  it('takes the bulk outcome’s call-backs back out with its undo', async () => {
    const call = await leadCallWithoutOutcome('Bea Bulk', '+447400123402', t0);
    const bulk = await settled(core, (await core.call('bulk.start', { list: 'calls', request: {}, selection: { mode: 'ids', ids: [call] }, action: { type: 'setOutcome', outcome: 'quote needed' } })).id);
    expect(callBacksOf(call)).toHaveLength(1);
    await settled(core, (await core.call('bulk.undo', { id: bulk.id })).id);
    expect(callBacksOf(call)).toEqual([]);
    expect(await core.call('calls.get', { id: call })).toMatchObject({ disposition: '', callBack: null });
    // Back in triage, its next first outcome promises the call-back again.
    await core.call('calls.update', { id: call, patch: { disposition: 'quote needed' } });
    expect(callBacksOf(call)).toHaveLength(1);
  });
});

// Rules as an office writes them: about a call outcome, a contact type, or both.
const ruleArbitrary = fc
  .record({
    contactType: fc.constantFrom(undefined, 'lead', 'customer'),
    callOutcome: fc.constantFrom(undefined, 'no answer', 'quote needed'),
    withinMinutes: fc.integer({ min: 1, max: 3 * 24 * 60 }),
  })
  .filter((rule) => rule.contactType !== undefined || rule.callOutcome !== undefined);

describe('the SLA rules of a phone line’s missed call', () => {
  it('promise the call-backs the same outcome chosen in the drawer promises, for any set of rules', async () => {
    // The phone line's own path (src-main/phone/caller-matching.ts), run as when the laptop is caught up.
    const matching = new CallerMatching(core.sqlite, core.engine, core.followUps, core.settings, () => clock);
    let line = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(ruleArbitrary, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('lead', 'customer'),
        fc.constantFrom('no answer', 'quote needed'),
        async (shapes, contactType, outcome) => {
          const slaRules: SlaRule[] = shapes.map((shape, index) => ({
            id: `rule-${index}`,
            name: `Rule ${index}`,
            followUpTitle: `Ring back (${index})`,
            withinMinutes: shape.withinMinutes,
            ...(shape.contactType ? { contactType: shape.contactType } : {}),
            ...(shape.callOutcome ? { callOutcome: shape.callOutcome } : {}),
          }));
          await core.call('settings.update', { slaRules });
          clock += 10 * minute;
          line += 1;
          const missed = await leadCallWithoutOutcome(`Phone ${line}`, `+4474001${String(line).padStart(5, '0')}`, clock, contactType, outcome);
          matching.run({ autoCreateContacts: false, applySlaRules: true, optOutsSeenUpTo: 0 });
          const byHand = await leadCallWithoutOutcome(`Drawer ${line}`, `+4474002${String(line).padStart(5, '0')}`, clock, contactType);
          await core.call('calls.update', { id: byHand, patch: { disposition: outcome } });
          expect(callBacksOf(missed)).toEqual(callBacksOf(byHand));
        },
      ),
      { numRuns: 25 },
    );
  });
});
