import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// Reminders are acknowledged for follow-ups that exist, all at once; a list naming any other id
// is refused whole and stores nothing (the table of shown reminders is not a place for arbitrary
// ids, and half an acknowledgement would hide reminders nobody saw).

let core: TempCore;
beforeEach(() => {
  core = createTempCore();
});
afterEach(() => core.dispose());

const shownCount = () => core.sqlite.prepare('SELECT COUNT(*) FROM reminders_shown').pluck().get() as number;

async function dueFollowUps(count: number) {
  const ann = await core.call('contacts.create', { draft: { name: 'Ann Smith' } });
  const made = [];
  for (let index = 0; index < count; index++) {
    made.push(await core.call('followups.create', { contactId: ann.id, title: `Call back ${index + 1}`, dueAt: Date.now() - 60_000 * (index + 1) }));
  }
  return made;
}

describe('acknowledging reminders', () => {
  it('refuses a list with an id that is no follow-up, storing nothing of it', async () => {
    const [due] = await dueFollowUps(1);
    const unknown = '01234567-89ab-7def-8123-456789abcdef';
    const answer = await core.invoke('followups.acknowledgeReminders', { ids: [due!.id, unknown] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_found', field: 'ids' } });
    expect(shownCount()).toBe(0);
    expect((await core.call('followups.dueReminders', {})).map((item) => item.id)).toEqual([due!.id]);
  });

  it('refuses an empty list', async () => {
    const answer = await core.invoke('followups.acknowledgeReminders', { ids: [] });
    expect(answer).toMatchObject({ ok: false });
  });

  it('acknowledges every reminder shown at once, so none of them is shown again', async () => {
    const due = await dueFollowUps(3);
    expect(await core.call('followups.dueReminders', {})).toHaveLength(3);
    const ids = due.map((item) => item.id);
    expect(await core.call('followups.acknowledgeReminders', { ids })).toEqual({ ids });
    expect(shownCount()).toBe(3);
    expect(await core.call('followups.dueReminders', {})).toEqual([]);
  });
});
