import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// Calls and texts from the phone line arrive with the customer's number only; the laptop links
// them to the contact with that number. When someone adds the number to a contact, its calls
// and texts find the contact at once, without waiting for a sync cycle.

let core: TempCore;
afterEach(() => core.dispose());

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function phoneLineCall(number: string, provider = 'twilio'): string {
  const id = uuidv7();
  core.engine.transaction((tx) =>
    tx.write('calls', id, { direction: 'inbound', number, started_at: Date.now(), status: 'completed', provider, provider_id: `CA${id}`, created_at: Date.now(), cl: 1 }),
  );
  return id;
}

function phoneLineText(number: string): string {
  const id = uuidv7();
  core.engine.transaction((tx) => tx.write('texts', id, { direction: 'inbound', number, body: 'Is Thursday still on?', status: 'received', created_at: Date.now(), cl: 1 }));
  return id;
}

const contactOf = (table: 'calls' | 'texts', id: string) =>
  (core.sqlite.prepare(`SELECT contact_id FROM ${table} WHERE id = ?`).get(id) as { contact_id: string | null }).contact_id;

describe('linking the phone line to contacts', () => {
  it("links a number's calls and texts to the contact that gains it, and only those", async () => {
    core = createTempCore({ autoSync: false });
    const call = phoneLineCall('+447700900123');
    const apiCall = phoneLineCall('+447700900123', 'api');
    const text = phoneLineText('+447700900123');
    const stranger = phoneLineCall('+447700900999');
    // A call logged by hand is never linked by number.
    const byHand = phoneLineCall('+447700900123', 'manual');
    const contact = await core.call('contacts.create', { draft: { name: 'Priya Okonkwo-Hale', phones: [{ type: 'mobile', number: '07700 900123' }] } });
    await nextTurn();
    expect([contactOf('calls', call), contactOf('calls', apiCall), contactOf('texts', text)]).toEqual([contact.id, contact.id, contact.id]);
    expect(contactOf('calls', stranger)).toBeNull();
    expect(contactOf('calls', byHand)).toBeNull();

    // A number added to an existing contact by an edit.
    const other = await core.call('contacts.create', { draft: { name: 'Gus Fairweather' } });
    await nextTurn();
    expect(contactOf('calls', stranger)).toBeNull();
    await core.call('contacts.update', { id: other.id, patch: { phones: [{ type: 'work', number: '07700 900999' }] } });
    await nextTurn();
    expect(contactOf('calls', stranger)).toBe(other.id);
  });
});
