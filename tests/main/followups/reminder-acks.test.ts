import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// A reminder is acknowledged for a follow-up that exists; any other id is refused and stores
// nothing (the table of shown reminders is not a place for arbitrary ids).

let core: TempCore;
beforeEach(() => {
  core = createTempCore();
});
afterEach(() => core.dispose());

const shownCount = () => core.sqlite.prepare('SELECT COUNT(*) FROM reminders_shown').pluck().get() as number;

describe('acknowledging reminders', () => {
  it('refuses an id that is no follow-up, storing nothing', async () => {
    const answer = await core.invoke('followups.acknowledgeReminder', { id: '01234567-89ab-7def-8123-456789abcdef' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
    expect(shownCount()).toBe(0);
  });

  it('acknowledges the reminder of a follow-up that exists', async () => {
    const ann = await core.call('contacts.create', { draft: { name: 'Ann Smith' } });
    const due = await core.call('followups.create', { contactId: ann.id, title: 'Call back', dueAt: Date.now() - 60_000 });
    expect(await core.call('followups.acknowledgeReminder', { id: due.id })).toEqual({ id: due.id });
    expect(shownCount()).toBe(1);
    expect(await core.call('followups.dueReminders', {})).toEqual([]);
  });
});
