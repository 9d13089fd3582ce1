import fc from 'fast-check';
import type { TempCore } from '../../helpers/temp-core';
import type { ListIntent, ListName } from './list-model';

// Edits of a contact's phones, e-mails and custom fields as the contact form makes them: it
// reads the contact, changes one thing, and sends the whole list (or the whole set of custom
// fields) back. Each successful edit is recorded as an intent for the model (list-model.ts),
// stamped with the first clock its laptop logged for it.

export const customFieldDefs = [
  { id: 'gate_code', label: 'Gate code', kind: 'text' as const, choices: [] },
  { id: 'floors', label: 'Floors', kind: 'number' as const, choices: [] },
];

export type ListEdit =
  | { kind: 'add'; list: ListName; target: number; type: number }
  | { kind: 'remove'; list: ListName; target: number; index: number }
  | { kind: 'edit'; list: ListName; target: number; index: number; field: 'type' | 'value'; type: number }
  | { kind: 'custom'; target: number; field: 'gate_code' | 'floors'; clear: boolean };

const phoneTypes = ['mobile', 'work', 'home', 'main', 'fax', 'other'] as const;
const emailTypes = ['work', 'personal', 'other'] as const;
const list = fc.constantFrom<ListName>('phones', 'emails');

export const listEdit: fc.Arbitrary<ListEdit> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), list, target: fc.nat(), type: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), list, target: fc.nat(), index: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      list,
      target: fc.nat(),
      index: fc.nat(),
      field: fc.constantFrom('type' as const, 'value' as const),
      type: fc.nat(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('custom' as const),
      target: fc.nat(),
      field: fc.constantFrom('gate_code' as const, 'floors' as const),
      clear: fc.boolean(),
    }),
  },
);

/** Fresh values for one run: never the same number or address twice, so an item is known by its first value. */
export function valueSource() {
  let counter = 0;
  return {
    phone: () => `+4477009${String((counter += 1)).padStart(5, '0')}`,
    email: () => `person${(counter += 1)}@example.com`,
    text: () => `gate ${(counter += 1)}`,
    number: () => (counter += 1),
  };
}

/** An intent before its clock is known (distributes over the union). */
type Unstamped<T> = T extends unknown ? Omit<T, 'hlc'> : never;

interface ListedItem {
  type: string;
  value: string;
}

/**
 * Applies one edit on a replica and returns the intent it stood for, or nothing when there was
 * nothing to do (no contact, an empty list, a deleted contact). `itemOf` maps a value to the key
 * of the item that has (or once had) it.
 */
export async function applyListEdit(
  core: TempCore,
  edit: ListEdit,
  values: ReturnType<typeof valueSource>,
  itemOf: Map<string, string>,
): Promise<ListIntent | undefined> {
  const ids = (core.sqlite.prepare('SELECT id FROM contacts WHERE cl % 2 = 1 ORDER BY id').all() as { id: string }[]).map((row) => row.id);
  if (ids.length === 0) return undefined;
  const contactId = ids[edit.target % ids.length]!;
  const contact = await core.call('contacts.get', { id: contactId });
  const before = lastSeq(core);

  if (edit.kind === 'custom') {
    const value = edit.clear ? null : edit.field === 'floors' ? values.number() : values.text();
    const customFields = { ...contact.customFields, [edit.field]: value };
    const result = await core.invoke('contacts.update', { id: contactId, patch: { customFields } });
    if (!result.ok) throw new Error(`custom field edit refused: ${result.error.message}`);
    const hlc = firstClockSince(core, before);
    return hlc ? { kind: 'custom', contactId, field: edit.field, value, hlc } : undefined;
  }

  const listed: ListedItem[] =
    edit.list === 'phones'
      ? contact.phones.map((phone) => ({ type: phone.type, value: phone.e164 }))
      : contact.emails.map((email) => ({ type: email.type, value: email.address }));
  const types: readonly string[] = edit.list === 'phones' ? phoneTypes : emailTypes;
  let next: ListedItem[];
  let intent: Unstamped<ListIntent>;
  if (edit.kind === 'add') {
    const value = edit.list === 'phones' ? values.phone() : values.email();
    const type = types[edit.type % types.length]!;
    itemOf.set(value, value);
    next = [...listed, { type, value }];
    intent = { kind: 'add', list: edit.list, contactId, item: value, type, value };
  } else {
    if (listed.length === 0) return undefined;
    const index = edit.index % listed.length;
    const chosen = listed[index]!;
    const item = itemOf.get(chosen.value);
    if (!item) throw new Error(`${chosen.value} on ${contactId} was never added`);
    if (edit.kind === 'remove') {
      next = listed.filter((_, at) => at !== index);
      intent = { kind: 'remove', list: edit.list, contactId, item };
    } else if (edit.field === 'type') {
      const type = types.filter((candidate) => candidate !== chosen.type)[edit.type % (types.length - 1)]!;
      next = listed.map((entry, at) => (at === index ? { ...entry, type } : entry));
      intent = { kind: 'edit', list: edit.list, contactId, item, type, value: chosen.value };
    } else {
      const value = edit.list === 'phones' ? values.phone() : values.email();
      itemOf.set(value, item);
      next = listed.map((entry, at) => (at === index ? { ...entry, value } : entry));
      intent = { kind: 'edit', list: edit.list, contactId, item, type: chosen.type, value };
    }
  }
  const patch =
    edit.list === 'phones'
      ? { phones: next.map((entry) => ({ type: entry.type as (typeof phoneTypes)[number], number: entry.value })) }
      : { emails: next.map((entry) => ({ type: entry.type as (typeof emailTypes)[number], address: entry.value })) };
  const result = await core.invoke('contacts.update', { id: contactId, patch });
  if (!result.ok) throw new Error(`list edit refused: ${result.error.message}`);
  const hlc = firstClockSince(core, before);
  return hlc ? ({ ...intent, hlc } as ListIntent) : undefined;
}

function lastSeq(core: TempCore): number {
  return (core.sqlite.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM changes').get() as { seq: number }).seq;
}

/** The clock of the first change the replica logged after `seq`: the moment of the edit. */
function firstClockSince(core: TempCore, seq: number): string | undefined {
  const row = core.sqlite.prepare('SELECT MIN(hlc) AS hlc FROM changes WHERE seq > ? AND local = 1').get(seq) as { hlc: string | null };
  return row.hlc ?? undefined;
}

/** The lists a replica holds for every contact, in the model's form. */
export function replicaLists(core: TempCore): Map<string, { phones: string[]; emails: string[]; customFields: Record<string, unknown> }> {
  const rows = core.sqlite.prepare('SELECT id, phones, emails, custom_fields FROM contacts').all() as {
    id: string;
    phones: string;
    emails: string;
    custom_fields: string;
  }[];
  return new Map(
    rows.map((row) => [
      row.id,
      {
        phones: (JSON.parse(row.phones) as { type: string; e164: string }[]).map((phone) => `${phone.type} ${phone.e164}`).sort(),
        emails: (JSON.parse(row.emails) as { type: string; address: string }[]).map((email) => `${email.type} ${email.address}`).sort(),
        customFields: JSON.parse(row.custom_fields) as Record<string, unknown>,
      },
    ]),
  );
}
