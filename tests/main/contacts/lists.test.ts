import { afterEach, describe, expect, it } from 'vitest';
import { readChangeLog } from '../../../src-main/writes/change-log';
import { ImportService } from '../../../src-main/exchange/import/service';
import { importOptions } from '../exchange/helpers';
import { exchange } from '../../helpers/exchange-logs';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// Two laptops editing one contact's phones, e-mails and custom fields at the same time, then
// exchanging their change logs (as sync would, in either order): what each person did stays.

const cores: TempCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
});

function laptop(aheadMs: number): TempCore {
  const core = createTempCore({ now: () => Date.now() + aheadMs });
  cores.push(core);
  return core;
}

async function twoLaptopsWithAnn(draft: Record<string, unknown> = {}) {
  // B's clock runs a second ahead: of two edits made "at once", B's is the later one.
  const a = laptop(0);
  const b = laptop(1000);
  for (const core of [a, b]) {
    await core.call('settings.update', {
      customFields: [
        { id: 'gate_code', label: 'Gate code', kind: 'text', choices: [] },
        { id: 'floors', label: 'Floors', kind: 'number', choices: [] },
      ],
    });
  }
  const ann = await a.call('contacts.create', { draft: { name: 'Ann', phones: [{ type: 'mobile', number: '+44 7700 900001' }], ...draft } });
  exchange(a, b);
  return { a, b, id: ann.id };
}

describe('a contact edited on two laptops at once', () => {
  it('keeps both numbers added at the same time, on both laptops, with the same primary number', async () => {
    const { a, b, id } = await twoLaptopsWithAnn();
    await a.call('contacts.update', { id, patch: { phones: [{ type: 'mobile', number: '+44 7700 900001' }, { type: 'work', number: '+44 7700 900002' }] } });
    await b.call('contacts.update', { id, patch: { phones: [{ type: 'mobile', number: '+44 7700 900001' }, { type: 'home', number: '+44 7700 900003' }] } });
    exchange(a, b);
    const onA = await a.call('contacts.get', { id });
    const onB = await b.call('contacts.get', { id });
    expect(onA.phones).toEqual(onB.phones);
    expect(onA.phones.map((phone) => phone.e164).sort()).toEqual(['+447700900001', '+447700900002', '+447700900003']);
    expect(onA.phones[0]).toEqual({ type: 'mobile', e164: '+447700900001' });
    // The match table and the search index know every number.
    const found = await b.call('contacts.list', { query: '7700900002' });
    expect(found.items.map((item) => item.id)).toEqual([id]);
    expect(found.items[0]!.primaryPhone).toBe('+447700900001');
  });

  it('keeps a number removed on one laptop removed, though the other changed its type meanwhile', async () => {
    const { a, b, id } = await twoLaptopsWithAnn();
    await a.call('contacts.update', { id, patch: { phones: [] } });
    await b.call('contacts.update', { id, patch: { phones: [{ type: 'work', number: '+44 7700 900001' }] } });
    exchange(b, a);
    for (const core of [a, b]) expect((await core.call('contacts.get', { id })).phones).toEqual([]);
  });

  it('follows the later edit of each number, and keeps edits of different numbers', async () => {
    const { a, b, id } = await twoLaptopsWithAnn({
      phones: [
        { type: 'mobile', number: '+44 7700 900001' },
        { type: 'mobile', number: '+44 7700 900002' },
      ],
    });
    await a.call('contacts.update', { id, patch: { phones: [{ type: 'work', number: '+44 7700 900001' }, { type: 'home', number: '+44 7700 900002' }] } });
    await b.call('contacts.update', { id, patch: { phones: [{ type: 'fax', number: '+44 7700 900001' }, { type: 'mobile', number: '+44 7700 900009' }] } });
    exchange(a, b);
    const phones = (await a.call('contacts.get', { id })).phones;
    expect(phones).toEqual((await b.call('contacts.get', { id })).phones);
    // Both edited both numbers; B's edits are the later ones, whole: the second number is as B left it.
    expect(phones).toEqual([
      { type: 'fax', e164: '+447700900001' },
      { type: 'mobile', e164: '+447700900009' },
    ]);
  });

  it('keeps two custom fields filled in at once, and the later edit of one field', async () => {
    const { a, b, id } = await twoLaptopsWithAnn({ customFields: { gate_code: '1234' } });
    await a.call('contacts.update', { id, patch: { customFields: { gate_code: '1111', floors: 3 } } });
    await b.call('contacts.update', { id, patch: { customFields: { gate_code: '2222' } } });
    exchange(a, b);
    for (const core of [a, b]) expect((await core.call('contacts.get', { id })).customFields).toEqual({ gate_code: '2222', floors: 3 });
    // Clearing a field is an edit of it like any other.
    await a.call('contacts.update', { id, patch: { customFields: { floors: null } } });
    exchange(a, b);
    for (const core of [a, b]) expect((await core.call('contacts.get', { id })).customFields).toEqual({ gate_code: '2222' });
  });

  it('keeps e-mail addresses added on both laptops, one address once whatever its case', async () => {
    const { a, b, id } = await twoLaptopsWithAnn({ emails: [{ type: 'work', address: 'ann@example.com' }] });
    await a.call('contacts.update', { id, patch: { emails: [{ type: 'work', address: 'ann@example.com' }, { type: 'personal', address: 'ann@home.example' }] } });
    await b.call('contacts.update', { id, patch: { emails: [{ type: 'work', address: 'ann@example.com' }, { type: 'other', address: 'Ann@Home.example' }] } });
    exchange(a, b);
    const emails = (await a.call('contacts.get', { id })).emails;
    expect(emails).toEqual((await b.call('contacts.get', { id })).emails);
    expect(emails).toHaveLength(2);
    expect(emails[0]).toEqual({ type: 'work', address: 'ann@example.com' });
  });
});

describe('an import and its undo on one laptop while a teammate edits the contact on another', () => {
  const file = 'Name,Phone,Email\nAnn,07700 900005,ann@example.com\n';

  it('adds to the lists item by item, and takes out only what it added', async () => {
    // The file's row is Ann by her e-mail address; it brings a second number.
    const { a, b, id } = await twoLaptopsWithAnn({ emails: [{ type: 'work', address: 'ann@example.com' }] });
    const imports = new ImportService(a);
    const report = await imports.run(new TextEncoder().encode(file), importOptions({ onDuplicate: 'update' }));
    expect(report.counts).toMatchObject({ updated: 1 });
    // The import wrote the number as an item row, as an edit would.
    const itemTables = readChangeLog(a.sqlite, { localOnly: true }).map((entry) => entry.change.tableName);
    expect(itemTables).toContain('contact_phone_items');
    await b.call('contacts.update', { id, patch: { phones: [{ type: 'mobile', number: '+44 7700 900001' }, { type: 'home', number: '+44 7700 900003' }] } });
    exchange(a, b);
    for (const core of [a, b]) {
      expect((await core.call('contacts.get', { id })).phones.map((phone) => phone.e164).sort()).toEqual(['+447700900001', '+447700900003', '+447700900005']);
    }

    const undone = await imports.undo(report.batchId);
    expect(undone).toMatchObject({ reverted: 1, keptLaterEdits: 0 });
    exchange(a, b);
    for (const core of [a, b]) {
      const ann = await core.call('contacts.get', { id });
      // The teammate's number stays; the imported one is gone.
      expect(ann.phones).toEqual([
        { type: 'mobile', e164: '+447700900001' },
        { type: 'home', e164: '+447700900003' },
      ]);
      expect(ann.emails).toEqual([{ type: 'work', address: 'ann@example.com' }]);
    }
  });
});
