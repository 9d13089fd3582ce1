import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { presetDueAt } from '../../../src-shared/domain/follow-up';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

const hour = 60 * 60 * 1000;
let clock = Date.UTC(2026, 10, 20, 10, 0);
let core: TempCore;
let contactId: string;

beforeEach(async () => {
  clock = Date.UTC(2026, 10, 20, 10, 0);
  core = createTempCore({ now: () => clock });
  await core.call('settings.update', { userName: 'Sam' });
  contactId = (await core.call('contacts.create', { draft: { name: 'Ann Smith' } })).id;
});
afterEach(() => core.dispose());

const endOfToday = () => Date.UTC(2026, 10, 20, 23, 59, 59, 999);

describe('follow-ups', () => {
  it('sorts open follow-ups into overdue, today and upcoming, and done ones apart', async () => {
    const make = (title: string, dueAt: number) => core.call('followups.create', { contactId, title, dueAt });
    await make('Send quote', clock - 2 * hour);
    await make('Call back', clock + 2 * hour);
    const later = await make('Check boiler', clock + 48 * hour);
    await core.call('followups.complete', { id: later.id });
    const titles = async (view: 'overdue' | 'today' | 'upcoming' | 'done') =>
      (await core.call('followups.list', { view, endOfToday: endOfToday() })).items.map((item) => item.title);
    expect(await titles('overdue')).toEqual(['Send quote']);
    expect(await titles('today')).toEqual(['Call back']);
    expect(await titles('upcoming')).toEqual([]);
    expect(await titles('done')).toEqual(['Check boiler']);
    expect(await core.call('followups.counts', { endOfToday: endOfToday() })).toEqual({ overdue: 1, today: 1, upcoming: 0 });
  });

  it("derives the contact's next follow-up from its open follow-ups", async () => {
    const soon = await core.call('followups.create', { contactId, title: 'A', dueAt: clock + hour });
    await core.call('followups.create', { contactId, title: 'B', dueAt: clock + 5 * hour });
    expect((await core.call('contacts.get', { id: contactId })).nextFollowUpAt).toBe(clock + hour);
    await core.call('followups.complete', { id: soon.id });
    expect((await core.call('contacts.get', { id: contactId })).nextFollowUpAt).toBe(clock + 5 * hour);
    await core.call('followups.reopen', { id: soon.id });
    expect((await core.call('contacts.get', { id: contactId })).nextFollowUpAt).toBe(clock + hour);
  });

  it("shows 'mine' as the follow-ups assigned to me", async () => {
    await core.call('followups.create', { contactId, title: 'Mine', dueAt: clock + hour });
    await core.call('followups.create', { contactId, title: 'Priya’s', dueAt: clock + hour, assignee: 'Priya' });
    const mine = await core.call('followups.list', { view: 'today', scope: 'mine', endOfToday: endOfToday() });
    expect(mine.items.map((item) => item.title)).toEqual(['Mine']);
  });

  it('reminds once per follow-up, including ones that fell due while the app was closed, and again after a snooze', async () => {
    const due = await core.call('followups.create', { contactId, title: 'Call back', dueAt: clock - hour });
    await core.call('followups.create', { contactId, title: 'Later', dueAt: clock + hour });
    expect((await core.call('followups.dueReminders', {})).map((item) => item.title)).toEqual(['Call back']);
    await core.call('followups.acknowledgeReminders', { ids: [due.id] });
    expect(await core.call('followups.dueReminders', {})).toEqual([]);

    // Reopened on the next start: an unacknowledged due follow-up is still there.
    const dataDir = core.dataDir;
    clock += 2 * hour;
    core.close();
    core = Object.assign(createTempCore({ dataDir, now: () => clock }), {});
    expect((await core.call('followups.dueReminders', {})).map((item) => item.title)).toEqual(['Later']);

    await core.call('followups.snooze', { id: due.id, until: clock + hour });
    clock += 2 * hour;
    expect((await core.call('followups.dueReminders', {})).map((item) => item.title).sort()).toEqual(['Call back', 'Later']);
  });

  it('refuses a follow-up for a deleted contact, naming the field', async () => {
    await core.call('contacts.delete', { id: contactId });
    const result = await core.invoke('followups.create', { contactId, title: 'x', dueAt: clock });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', field: 'contactId' } });
  });

  it('computes the quick presets in local time', () => {
    const friday = new Date(2026, 10, 20, 16, 30);
    expect(presetDueAt('in_30_minutes', friday)).toBe(friday.getTime() + 30 * 60_000);
    expect(new Date(presetDueAt('tomorrow_9', friday))).toEqual(new Date(2026, 10, 21, 9, 0));
    expect(new Date(presetDueAt('next_monday_9', friday))).toEqual(new Date(2026, 10, 23, 9, 0));
    const monday = new Date(2026, 10, 23, 8, 0);
    expect(new Date(presetDueAt('next_monday_9', monday))).toEqual(new Date(2026, 10, 30, 9, 0));
  });
});
