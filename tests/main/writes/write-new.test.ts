import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { derivedOfNewContact } from '../../../src-main/contacts/list-items';
import { fieldsToColumns } from '../../../src-main/contacts/row-mapping';
import { clockStoreOf } from '../../../src-main/writes/clock-store';
import type { FieldValues } from '../../../src-main/writes/synced-tables';
import { createTempCore, type TempCore } from '../../helpers/temp-core';

// tx.writeNew creates rows known to be new with a few statements; it must never overwrite or
// merge into a row that exists, because it reads nothing of it (no clocks, no current values).

let core: TempCore;
beforeEach(() => {
  core = createTempCore();
});
afterEach(() => core.dispose());

const tagRow = (contactId: string, tag: string) => ({ table: 'contact_tags' as const, rowId: `${contactId}:${tag}`, fields: { contact_id: contactId, tag, present: 1 } });
/** A new contact's columns as an import writes them, with what the list materialiser would derive. */
function newContact(id: string, columns: FieldValues) {
  const fields: FieldValues = {
    ...fieldsToColumns({
      kind: 'person',
      name: 'Ada Lovelace',
      company: '',
      jobTitle: '',
      phones: [],
      emails: [],
      address: { street: '', city: '', region: '', postcode: '', country: '' },
      contactType: 'customer',
      status: 'active',
      owner: 'Sam',
      source: '',
      potentialValue: null,
      summary: '',
      doNotContact: false,
      customFields: {},
    }),
    created_at: 1,
    updated_at: 1,
    cl: 1,
    ...columns,
  };
  return { table: 'contacts' as const, rowId: id, fields, options: { wholeLists: true }, derived: { ...derivedOfNewContact(id, fields) } };
}
const logged = () => (core.sqlite.prepare('SELECT COUNT(*) AS n FROM changes').get() as { n: number }).n;

describe('creating rows together', () => {
  it('refuses, writing nothing, a row that exists or one that only has clocks, and tells which they are', () => {
    core.engine.transaction((tx) => tx.write('contact_tags', 'a:vip', { contact_id: 'a', tag: 'vip', present: 0 }));
    const before = logged();
    expect(() => core.engine.transaction((tx) => tx.writeNew([tagRow('b', 'lead'), tagRow('a', 'vip')]))).toThrow(/exists already/);
    expect(logged()).toBe(before);
    expect(core.sqlite.prepare("SELECT present FROM contact_tags WHERE id = 'a:vip'").get()).toEqual({ present: 0 });
    core.engine.transaction(() => clockStoreOf(core.sqlite).write('contact_tags', 'c:lead', {}));
    core.engine.transaction((tx) => expect(tx.existing('contact_tags', ['a:vip', 'b:lead', 'c:lead'])).toEqual(new Set(['a:vip', 'c:lead'])));
  });

  it('refuses a row found absent earlier in its transaction but written since', () => {
    expect(() =>
      core.engine.transaction((tx) => {
        expect(tx.existing('contact_tags', ['b:lead'])).toEqual(new Set());
        tx.write('contact_tags', 'b:lead', { contact_id: 'b', tag: 'lead', present: 0 });
        tx.writeNew([tagRow('b', 'lead')]);
      }),
    ).toThrow(/exists already/);
    expect(logged()).toBe(0);
  });

  it('refuses a row listed twice', () => {
    expect(() => core.engine.transaction((tx) => tx.writeNew([tagRow('b', 'lead'), tagRow('b', 'lead')]))).toThrow(/listed twice/);
    expect(logged()).toBe(0);
  });

  it('gives each row its own clock and change record, in the order given', () => {
    core.engine.transaction((tx) => tx.writeNew(Array.from({ length: 70 }, (_, index) => tagRow(`c${index}`, 'lead'))));
    const changes = core.sqlite.prepare('SELECT row_id, hlc FROM changes ORDER BY seq').all() as { row_id: string; hlc: string }[];
    expect(changes.map((change) => change.row_id)).toEqual(Array.from({ length: 70 }, (_, index) => `c${index}:lead`));
    expect([...changes.map((change) => change.hlc)].sort()).toEqual(changes.map((change) => change.hlc));
    expect(new Set(changes.map((change) => change.hlc)).size).toBe(70);
    expect(clockStoreOf(core.sqlite).read('contact_tags', 'c69:lead')).toEqual({ contact_id: changes[69]!.hlc, tag: changes[69]!.hlc, present: changes[69]!.hlc });
  });

  it('clocks each row of one table the fields it was given, when rows with other fields come between', () => {
    const withoutPresent = (contactId: string, tag: string) => ({ table: 'contact_tags' as const, rowId: `${contactId}:${tag}`, fields: { contact_id: contactId, tag } });
    core.engine.transaction((tx) => tx.writeNew([tagRow('a', 'lead'), withoutPresent('b', 'lead'), tagRow('c', 'lead'), newContact('d', {}), withoutPresent('e', 'lead')]));
    const hlcOf = new Map((core.sqlite.prepare('SELECT row_id, hlc FROM changes').all() as { row_id: string; hlc: string }[]).map((change) => [change.row_id, change.hlc]));
    const clocks = clockStoreOf(core.sqlite);
    for (const id of ['a:lead', 'c:lead']) expect(clocks.read('contact_tags', id)).toEqual({ contact_id: hlcOf.get(id), tag: hlcOf.get(id), present: hlcOf.get(id) });
    for (const id of ['b:lead', 'e:lead']) expect(clocks.read('contact_tags', id)).toEqual({ contact_id: hlcOf.get(id), tag: hlcOf.get(id) });
    expect(clocks.read('contacts', 'd').name).toBe(hlcOf.get('d'));
  });

  it('shows the custom values of a contact stored before it when it was created without a custom field list', () => {
    // Its values came first (from another laptop): the contact shows them once it exists.
    core.engine.transaction((tx) => tx.write('contact_custom_values', 'k:size', { contact_id: 'k', field_id: 'size', value: '"large"' }));
    const { custom_fields: _none, ...withoutCustomFields } = newContact('k', {}).fields;
    core.engine.transaction((tx) => tx.writeNew([{ ...newContact('k', {}), fields: withoutCustomFields }]));
    expect(core.contacts.get('k').customFields).toEqual({ size: 'large' });
  });

  it('shows an e-mail address as stored, without the NUL its list had as written', () => {
    // A list written by hand with a raw NUL: not JSON until the write path drops the NUL.
    const emails = '[{"type":"work","address":"ada@\u0000example.test"}]';
    core.engine.transaction((tx) => tx.writeNew([newContact('n', { emails })]));
    expect(core.contacts.get('n').emails).toEqual([{ type: 'work', address: 'ada@example.test' }]);
  });
});
