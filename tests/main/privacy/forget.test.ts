import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useRelayInMemory } from '../../helpers/relay-in-memory';
import type { TempCore } from '../../helpers/temp-core';
import { disposeAll, startTeam, syncInTurn } from '../../helpers/workspace-team';
import { laptopHolds, relayHolds, relayRowStates } from './forget-scan';

// Two laptops and a relay. Ann (admin) forgets a customer; afterwards neither laptop's database
// nor the relay's holds her name, number, e-mail or note text anywhere (change log included), and
// Ben's laptop, which changed her while offline, does not bring her back when it syncs.

const relay = useRelayInMemory();
let ann: TempCore;
let ben: TempCore;
const person = ['Rosalind', 'Quigley', '4155550123', 'rosalind.quigley@example.org', 'boiler-in-spring-7731'];
let rosalindId: string;
let keptId: string;

beforeAll(async () => {
  ({ admin: ann, teammate: ben } = await startTeam(relay.url));
  const rosalind = await ann.call('contacts.create', {
    draft: { name: 'Rosalind Quigley', phones: [{ type: 'mobile', number: '+1 415 555 0123' }], emails: [{ type: 'work', address: 'rosalind.quigley@example.org' }] },
  });
  rosalindId = rosalind.id;
  keptId = (await ann.call('contacts.create', { draft: { name: 'Kept Customer' } })).id;
  await ann.call('notes.create', { contactId: rosalindId, body: 'Wants the boiler-in-spring-7731 service' });
  const call = await ann.call('calls.log', {
    direction: 'inbound',
    number: '+1 415 555 0123',
    startedAt: Date.now() - 60_000,
    disposition: 'call back',
    notes: 'Rosalind Quigley asked about boiler-in-spring-7731',
    contactId: rosalindId,
  });
  await ann.call('followups.create', { contactId: rosalindId, callId: call.id, title: 'Call Rosalind back', dueAt: Date.now() + 86_400_000 });
  await ann.call('jobs.create', { contactId: rosalindId, title: 'Service for Quigley', description: 'boiler-in-spring-7731' });
  await ann.call('lifecycle.set', { contactId: rosalindId, stage: 'customer' });
  await syncInTurn(ann, ben);
}, 120_000);
afterAll(() => disposeAll(ann, ben));

describe('forgetting a person', () => {
  it('finds the person everywhere before (so the scans below can fail)', async () => {
    expect(laptopHolds(ann.sqlite, person)).toEqual(expect.arrayContaining(['Rosalind in changes', 'boiler-in-spring-7731 in notes']));
    expect(laptopHolds(ben.sqlite, person)).toContain('Quigley in contacts');
    // The relay holds her rows, sealed: their state is there, her words are not readable in it.
    expect(await relayRowStates(relay.database, rosalindId)).toBeGreaterThan(0);
    expect(await relayHolds(relay.database, person)).toEqual([]);
  });

  it('erases her from both laptops and the relay, and a stale laptop does not bring her back', async () => {
    // Ben goes offline and changes her; his changes wait in his outbox.
    ben.sync.stop();
    await ben.call('contacts.update', { id: rosalindId, patch: { company: 'Quigley Heating' } });
    await ben.call('notes.create', { contactId: rosalindId, body: 'Rosalind again: boiler-in-spring-7731' });

    const preview = await ann.call('privacy.forgetPreview', { contactId: rosalindId });
    expect(preview).toMatchObject({ name: 'Rosalind Quigley', counts: { contacts: 1, notes: 1, calls: 1, follow_ups: 1, jobs: 1, lifecycle_events: 1 } });
    const forgotten = await ann.call('privacy.forget', { contactId: rosalindId });
    expect(forgotten.erasedRows).toBe(Object.values(preview.counts).reduce((sum, count) => sum + count, 0));
    expect(laptopHolds(ann.sqlite, person)).toEqual([]);
    await ann.call('sync.now', {});
    expect(await relayHolds(relay.database, person)).toEqual([]);
    expect(await relayRowStates(relay.database, rosalindId)).toBe(0);

    // Ben comes back: his stale changes are refused with the reason, and he erases her too.
    await ben.call('sync.now', {});
    await ben.call('sync.now', {});
    await ann.call('sync.now', {});
    expect(laptopHolds(ben.sqlite, person)).toEqual([]);
    expect(laptopHolds(ann.sqlite, person)).toEqual([]);
    expect(await relayHolds(relay.database, person)).toEqual([]);
    expect(await ann.invoke('contacts.get', { id: rosalindId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ben.invoke('contacts.get', { id: rosalindId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const setAside = await ben.call('sync.setAside', { limit: 100 });
    expect(setAside.length).toBeGreaterThan(0);
    expect(setAside.every((change) => /erased when the person was forgotten/.test(change.reason))).toBe(true);

    // Everyone else stays.
    // Her lifecycle history goes too: no row names her contact id any more.
    for (const laptop of [ann, ben]) expect(laptop.sqlite.prepare('SELECT COUNT(*) AS n FROM lifecycle_events WHERE contact_id = ?').get(rosalindId)).toEqual({ n: 0 });
    expect((await ben.call('contacts.get', { id: keptId })).name).toBe('Kept Customer');
    expect((await ann.call('contacts.get', { id: keptId })).name).toBe('Kept Customer');
  });

  it('is for admins only', async () => {
    const refused = await ben.invoke('privacy.forget', { contactId: keptId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Her lifecycle history goes too: no row names her contact id any more.
    for (const laptop of [ann, ben]) expect(laptop.sqlite.prepare('SELECT COUNT(*) AS n FROM lifecycle_events WHERE contact_id = ?').get(rosalindId)).toEqual({ n: 0 });
    expect((await ben.call('contacts.get', { id: keptId })).name).toBe('Kept Customer');
  });
});
