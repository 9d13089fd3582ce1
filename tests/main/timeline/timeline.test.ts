import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

let clock = Date.UTC(2026, 10, 20, 10, 0);
const tick = () => (clock += 60_000);
let core: TempCore;
beforeEach(async () => {
  clock = Date.UTC(2026, 10, 20, 10, 0);
  core = createTempCore({ now: () => clock });
  await core.call('settings.update', { userName: 'Sam' });
});
afterEach(() => core.dispose());

describe("a contact's timeline", () => {
  it('shows notes, calls, follow-ups, files and field changes, newest first, paged and filterable', async () => {
    const ann = await core.call('contacts.create', { draft: { name: 'Ann', phones: [{ type: 'mobile', number: '07700900123' }] } });
    tick();
    await core.call('notes.create', { contactId: ann.id, kind: 'meeting', body: 'Walked the site' });
    tick();
    await core.call('calls.log', { direction: 'outbound', number: '07700900123', startedAt: clock, durationSeconds: 180, disposition: 'booked' });
    tick();
    const followUp = await core.call('followups.create', { contactId: ann.id, title: 'Send quote', dueAt: clock + 3_600_000 });
    tick();
    await core.call('followups.complete', { id: followUp.id });
    tick();
    const staged = await core.files.stage(Readable.from([Buffer.from('%PDF')]), 'quote.pdf');
    await core.call('files.add', { contactId: ann.id, uploadId: staged.uploadId, name: 'quote.pdf', category: 'quote' });
    tick();
    await core.call('contacts.update', { id: ann.id, patch: { tags: ['vip'] } });
    tick();
    await core.call('contacts.update', { id: ann.id, patch: { status: 'won' } });

    const all = await core.call('timeline.list', { contactId: ann.id });
    expect(all.items.map((item) => item.title)).toEqual([
      'Status active → won',
      'Tagged vip',
      'Attached quote.pdf',
      'Follow-up done: Send quote',
      'Follow-up planned: Send quote',
      'Outbound call, 3 min, booked',
      'Meeting note',
      'Contact created',
    ]);
    expect(all.items[0]).toMatchObject({ actor: 'Sam', kind: 'change' });

    const firstPage = await core.call('timeline.list', { contactId: ann.id, limit: 3 });
    const secondPage = await core.call('timeline.list', { contactId: ann.id, limit: 3, before: firstPage.nextCursor! });
    expect([...firstPage.items, ...secondPage.items].map((item) => item.key)).toEqual(all.items.slice(0, 6).map((item) => item.key));

    const onlyCalls = await core.call('timeline.list', { contactId: ann.id, kinds: ['call', 'note'] });
    expect(onlyCalls.items.map((item) => item.kind)).toEqual(['call', 'note']);
  });
});

describe('the dashboard', () => {
  it('counts overdue and due-today follow-ups, contacts by status, open value and this week’s calls', async () => {
    const ann = await core.call('contacts.create', {
      draft: { name: 'Ann', potentialValue: { amountMinor: 150_000, currency: 'GBP' }, phones: [{ type: 'mobile', number: '07700900123' }] },
    });
    await core.call('contacts.create', { draft: { name: 'Bob', status: 'won', potentialValue: { amountMinor: 99_00, currency: 'GBP' } } });
    await core.call('followups.create', { contactId: ann.id, title: 'Overdue', dueAt: clock - 1000 });
    await core.call('followups.create', { contactId: ann.id, title: 'Today', dueAt: clock + 1000 });
    await core.call('calls.log', { direction: 'inbound', number: '07700900123', startedAt: clock - 1000, disposition: 'booked' });
    await core.call('notes.create', { contactId: ann.id, body: 'Likes mornings' });
    const dashboard = await core.call('dashboard.get', {
      endOfToday: Date.UTC(2026, 10, 20, 23, 59, 59, 999),
      startOfWeek: Date.UTC(2026, 10, 16),
    });
    expect(dashboard.followUps).toEqual({ overdue: 1, today: 1 });
    expect(dashboard.contactsByStatus).toEqual(expect.arrayContaining([{ name: 'active', count: 1 }, { name: 'won', count: 1 }]));
    expect(dashboard.openPotentialValue).toEqual([{ currency: 'GBP', amountMinor: 150_000 }]);
    expect(dashboard.newContactsThisWeek).toBe(2);
    expect(dashboard.callsThisWeek).toBe(1);
    expect(dashboard.callsByDay.at(-1)?.count).toBe(1);
    expect(dashboard.recentActivity.map((item) => item.title)).toEqual(['Internal note', 'Inbound call, 0 s, booked']);
  });
});

describe('global search', () => {
  it('finds notes by their words alongside contacts', async () => {
    const ann = await core.call('contacts.create', { draft: { name: 'Ann Boilerhouse' } });
    await core.call('notes.create', { contactId: ann.id, body: 'Combi boiler leaking under the stairs' });
    const found = await core.call('search.global', { query: 'boiler' });
    expect(found.contacts.map((contact) => contact.name)).toEqual(['Ann Boilerhouse']);
    expect(found.notes.map((note) => note.body)).toEqual(['Combi boiler leaking under the stairs']);
  });
});
