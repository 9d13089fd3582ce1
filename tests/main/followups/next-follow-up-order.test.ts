import { describe, expect, it } from 'vitest';
import { createTempCore } from '../../helpers/temp-core';

// A contact's next follow-up (contacts.next_follow_up_at) is derived on each laptop from its open
// follow-ups. A teammate's laptop can receive a follow-up before the contact it belongs to (pages
// of a pull, a snapshot's tables): once the contact arrives it must show that follow-up's due date
// all the same, as it does when both arrive together.

const now = Date.UTC(2026, 11, 6, 10);
const hour = 60 * 60 * 1000;

describe("a contact's next follow-up on a teammate's laptop", () => {
  it('is the open follow-up that arrived before the contact did', async () => {
    const ann = createTempCore({ now: () => now });
    const bob = createTempCore({ now: () => now });
    try {
      const contact = await ann.call('contacts.create', { draft: { name: 'Ann Smith' } });
      await ann.call('followups.create', { contactId: contact.id, title: 'Send the quote', dueAt: now + 3 * hour });
      await ann.call('followups.create', { contactId: contact.id, title: 'Ring back', dueAt: now + 2 * hour });
      const changes = ann.engine.outbox(1000).map((entry) => entry.change);
      const followUps = changes.filter((change) => change.tableName === 'follow_ups');
      const rest = changes.filter((change) => change.tableName !== 'follow_ups');
      expect(followUps).toHaveLength(2);

      // The follow-ups in one transaction, the contact in a later one.
      bob.engine.applyRemoteChanges(followUps);
      bob.engine.applyRemoteChanges(rest);

      expect((await bob.call('contacts.get', { id: contact.id })).nextFollowUpAt).toBe(now + 2 * hour);
      expect((await bob.call('contacts.get', { id: contact.id })).nextFollowUpAt).toBe((await ann.call('contacts.get', { id: contact.id })).nextFollowUpAt);
    } finally {
      ann.dispose();
      bob.dispose();
    }
  });
});
