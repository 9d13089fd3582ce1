import type { FieldClocks } from '../../src-shared/sync/merge';
import { statementCache, type Sqlite } from '../db/open';
import { baseItemId, itemMatchKey, unkeyedBaseItemId } from '../privacy/row-ids';
import type { TouchedRows } from '../writes/mutation-engine';
import { clockStoreOf } from '../writes/clock-store';
import { baseListClock, baseListsTouched, contactsUnsearchedTouched, createdWithDerivedTouched } from '../writes/synced-tables';

// A contact's phones, e-mails and custom fields, derived on this laptop from two sources:
//   - its base lists (contacts.base_phones, …): the last whole list written, when the contact was
//     created or by a laptop of schema version 1, with the clock of that write;
//   - its item rows (contact_phone_items, contact_email_items, contact_custom_values): every
//     edit since, item by item, merged by the ordinary per-field rule.
// The derived columns contacts.phones / emails / custom_fields are what everything else reads
// (search index, match tables, export, lists). They are rebuilt here, inside the transaction that
// wrote either source, and depend on nothing but the merged state: the same on every laptop,
// whatever order the changes came in. The writing side is list-writer.ts.
//
// How the two sources combine. An item row is always written whole (its type, value, place and
// causal length), so an edited number follows the later edit of that item, and a removal (the
// greater causal length) beats an edit made at the same time. An entry of a base list is an item
// whose id is derived from its value (`<contact>:~<hash>`), so every laptop touching it addresses
// the same row; once that row is written after the base list, the row is the item. That id is keyed
// once the laptop holds its workspace's row-id key (src-main/privacy/row-ids.ts); a row under the
// earlier, unkeyed id of the same entry (from a laptop not upgraded yet) is the same item: of the
// two, the greater causal length wins, then the later write, as if they were one row. A row not in
// the base list counts only if it was written after the base list (a whole list written later
// replaces what came before it, as it did in version 1). Items are ordered by position, then id;
// the first is the primary one. A number or address listed twice is shown once.

export type ListName = 'phones' | 'emails';

interface ListSpec {
  table: 'contact_phone_items' | 'contact_email_items';
  valueColumn: 'e164' | 'address';
  /** Two items with the same key are the same number or address. */
  matchKey(value: string): string;
  parseEntry(entry: unknown): { type: string; value: string } | undefined;
  toEntry(item: { type: string; value: string }): Record<string, string>;
}

export const listSpecs: Record<ListName, ListSpec> = {
  phones: {
    table: 'contact_phone_items',
    valueColumn: 'e164',
    matchKey: (value) => itemMatchKey('phones', value),
    parseEntry: (entry) => {
      const { type, e164 } = (entry ?? {}) as { type?: unknown; e164?: unknown };
      return typeof type === 'string' && typeof e164 === 'string' ? { type, value: e164 } : undefined;
    },
    toEntry: (item) => ({ type: item.type, e164: item.value }),
  },
  emails: {
    table: 'contact_email_items',
    valueColumn: 'address',
    matchKey: (value) => itemMatchKey('emails', value),
    parseEntry: (entry) => {
      const { type, address } = (entry ?? {}) as { type?: unknown; address?: unknown };
      return typeof type === 'string' && typeof address === 'string' ? { type, value: address } : undefined;
    },
    toEntry: (item) => ({ type: item.type, address: item.value }),
  },
};

export interface ListItem {
  id: string;
  type: string;
  value: string;
  position: number;
  /** The causal length of its row; none when it is a base list entry no one has edited yet. */
  cl: number | undefined;
}

export type CustomValue = string | number;

export interface BaseList {
  /** The list as written (JSON), or null when none was ever written. */
  text: string | null;
  /** The clock of that write; '' when unknown (then every row counts as later). */
  hlc: string;
}

export interface BaseLists {
  phones: BaseList;
  emails: BaseList;
  custom_fields: BaseList;
}

/** Item rows of a contact have ids `<contact id>:<item>`; this is the contact's part. */
export function contactIdOfItemRow(rowId: string): string {
  const separator = rowId.indexOf(':');
  return separator === -1 ? rowId : rowId.slice(0, separator);
}

export function customValueId(contactId: string, fieldId: string): string {
  return `${contactId}:${fieldId}`;
}

interface ItemRow {
  id: string;
  contact_id: string;
  type: string;
  value: string;
  position: number;
  cl: number;
}

type ItemTable = ListSpec['table'] | 'contact_custom_values';

/** A custom value row as the reader takes it. */
interface CustomRow {
  id: string;
  field_id: string;
  value: string;
}

/** What the reader needs of a contact's row: its base lists, and its clocks when asked. */
interface BaseRow {
  base_phones: string | null;
  base_emails: string | null;
  base_custom_fields: string | null;
}

/** Contact ids per statement when many are read at once (the list goes as one JSON parameter). */
const idsPerRead = 500;

/** `rowIdKey` gives the row-id key of the laptop's rows (src-main/privacy/row-id-keys.ts), if it holds one. */
export function createListReader(sqlite: Sqlite, rowIdKey: () => Buffer | undefined = () => undefined) {
  const prepared = statementCache(sqlite);
  // Every row of one contact, by its id prefix.
  const range = (contactId: string) => [`${contactId}:`, `${contactId};`] as const;
  const clocks = clockStoreOf(sqlite);
  const clocksOf = (table: string, rowId: string): FieldClocks => clocks.read(table, rowId);
  const itemColumns = (list: ListName) => `i.id, i.contact_id, i.type, i.${listSpecs[list].valueColumn} AS value, i.position, i.cl`;
  const customColumns = 'i.id, i.field_id, i.value';

  function baseListsOf(contactId: string, row: BaseRow): BaseLists {
    // The clocks are read only when some base list was written (and then only once).
    let clocks: FieldClocks | undefined;
    const hlcOf = (name: string) => {
      clocks ??= clocksOf('contacts', contactId);
      return baseListClock(clocks, name) ?? '';
    };
    const base = (name: 'phones' | 'emails' | 'custom_fields', text: string | null): BaseList =>
      text === null ? { text, hlc: '' } : { text, get hlc() { return hlcOf(name); } };
    return { phones: base('phones', row.base_phones), emails: base('emails', row.base_emails), custom_fields: base('custom_fields', row.base_custom_fields) };
  }

  function baseLists(contactId: string): BaseLists | undefined {
    const row = prepared('SELECT base_phones, base_emails, base_custom_fields FROM contacts WHERE id = ?').get(contactId) as BaseRow | undefined;
    return row ? baseListsOf(contactId, row) : undefined;
  }

  /** The items a contact shows in one list, in order (the first is the primary one). */
  function items(contactId: string, list: ListName, base: BaseList): ListItem[] {
    const rows = prepared(`SELECT ${itemColumns(list)} FROM ${listSpecs[list].table} AS i WHERE i.id > ? AND i.id < ?`).all(...range(contactId)) as ItemRow[];
    return shownItems(contactId, list, base, rows, (row) => clocksOf(listSpecs[list].table, row.id), rowIdKey());
  }

  /** A contact's custom field values; a field edited after the base list follows its row. */
  function customValues(contactId: string, base: BaseList): Map<string, CustomValue> {
    const rows = prepared(`SELECT ${customColumns} FROM contact_custom_values AS i WHERE i.id > ? AND i.id < ?`).all(...range(contactId)) as CustomRow[];
    return shownCustomValues(base, rows, (row) => clocksOf('contact_custom_values', row.id));
  }

  /** Rows of one item table for many contacts at once, by contact (each contact's rows by id, as `items` reads them). */
  function rowsOfMany<Row extends { id: string }>(table: ItemTable, columns: string, contactIds: readonly string[]): Map<string, Row[]> {
    const byContact = new Map<string, Row[]>();
    const rows = prepared(
      `SELECT ${columns}, j.value AS owner FROM json_each(?) AS j JOIN ${table} AS i ON i.id > j.value || ':' AND i.id < j.value || ';' ORDER BY j.key, i.id`,
    ).all(JSON.stringify(contactIds)) as (Row & { owner: string })[];
    for (const { owner, ...row } of rows) {
      let list = byContact.get(owner);
      if (!list) byContact.set(owner, (list = []));
      list.push(row as unknown as Row);
    }
    return byContact;
  }

  /**
   * What `derivedColumns` makes of each contact's lists, for many contacts, with one read per
   * table for every `idsPerRead` of them instead of four reads each; the contacts' current
   * derived columns beside it. A contact that is not stored is left out.
   */
  function derivedOfMany(contactIds: readonly string[]): Map<string, { current: DerivedColumns; derived: DerivedColumns }> {
    const result = new Map<string, { current: DerivedColumns; derived: DerivedColumns }>();
    const key = rowIdKey();
    for (let at = 0; at < contactIds.length; at += idsPerRead) {
      const ids = contactIds.slice(at, at + idsPerRead);
      const contacts = prepared(
        'SELECT id, base_phones, base_emails, base_custom_fields, phones, emails, custom_fields FROM contacts WHERE id IN (SELECT value FROM json_each(?))',
      ).all(JSON.stringify(ids)) as (BaseRow & DerivedColumns & { id: string })[];
      const phoneRows = rowsOfMany<ItemRow>('contact_phone_items', itemColumns('phones'), ids);
      const emailRows = rowsOfMany<ItemRow>('contact_email_items', itemColumns('emails'), ids);
      const customRows = rowsOfMany<CustomRow>('contact_custom_values', customColumns, ids);
      const byId = new Map(contacts.map((row) => [row.id, row]));
      for (const id of ids) {
        const row = byId.get(id);
        if (!row) continue;
        const base = baseListsOf(id, row);
        const derived = derivedColumns(
          shownItems(id, 'phones', base.phones, phoneRows.get(id) ?? [], (item) => clocksOf('contact_phone_items', item.id), key, false),
          shownItems(id, 'emails', base.emails, emailRows.get(id) ?? [], (item) => clocksOf('contact_email_items', item.id), key, false),
          shownCustomValues(base.custom_fields, customRows.get(id) ?? [], (item) => clocksOf('contact_custom_values', item.id)),
        );
        result.set(id, { current: { phones: row.phones, emails: row.emails, custom_fields: row.custom_fields }, derived });
      }
    }
    return result;
  }

  return { baseLists, items, customValues, derivedOfMany };
}

/**
 * The derived columns of a contact created now with these whole lists (the JSON texts of its
 * phones, emails and custom_fields fields) and no item rows: what the materialiser will find.
 */
export function derivedOfNewContact(contactId: string, lists: { phones?: unknown; emails?: unknown; custom_fields?: unknown }): DerivedColumns {
  const base = (text: unknown): BaseList => ({ text: typeof text === 'string' ? text : null, hlc: '' });
  const noClocks = () => ({});
  return derivedColumns(
    shownItems(contactId, 'phones', base(lists.phones), [], noClocks, undefined, false),
    shownItems(contactId, 'emails', base(lists.emails), [], noClocks, undefined, false),
    shownCustomValues(base(lists.custom_fields), [], noClocks),
  );
}

/**
 * The items a contact shows in one list from its base list and its item rows (ordered by id);
 * `clocksOf` gives a row's clocks, read only when there is a base list to compare with.
 */
function shownItems(
  contactId: string,
  list: ListName,
  base: BaseList,
  rows: readonly ItemRow[],
  clocksOf: (row: ItemRow) => FieldClocks,
  key: Buffer | undefined,
  withIds = true,
): ListItem[] {
  const spec = listSpecs[list];
  const shown: ListItem[] = [];
  const entries = base.text === null ? null : parseEntries(base.text, spec);
  if (entries === null) {
    for (const row of rows) if (row.contact_id !== '' && row.cl % 2 === 1) shown.push(rowItem(row));
  } else {
    // The clock of a row's contact_id is that of its last write: every write sets it.
    const writtenAfterBase = (row: ItemRow) => (clocksOf(row).contact_id ?? '') > base.hlc;
    const byId = new Map(rows.map((row) => [row.id, row]));
    const entryIds = new Set<string>();
    // With no rows to address, an entry's id only tells it from the others: its match key does
    // that as well as the hash of it, for the derived columns (which keep no ids).
    const idOf = rows.length === 0 && !withIds ? spec.matchKey : (value: string) => baseItemId(contactId, list, value, key);
    entries.forEach((entry, index) => {
      const id = idOf(entry.value);
      if (entryIds.has(id)) return;
      entryIds.add(id);
      const earlierId = key && rows.length > 0 ? unkeyedBaseItemId(contactId, list, entry.value) : undefined;
      if (earlierId) entryIds.add(earlierId);
      const stored = [byId.get(id), earlierId === undefined ? undefined : byId.get(earlierId)].filter((row): row is ItemRow => row !== undefined);
      const row = entryRow(stored.filter((candidate) => candidate.contact_id !== '' && writtenAfterBase(candidate)), clocksOf);
      if (row) {
        if (row.cl % 2 === 1) shown.push(rowItem(row));
      } else {
        const cl = stored.length === 0 ? undefined : Math.max(...stored.map((candidate) => candidate.cl));
        shown.push({ id, type: entry.type, value: entry.value, position: index, cl });
      }
    });
    for (const row of rows) {
      if (entryIds.has(row.id) || row.contact_id === '' || row.cl % 2 === 0) continue;
      if (writtenAfterBase(row)) shown.push(rowItem(row));
    }
  }
  shown.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seen = new Set<string>();
  return shown.filter((item) => {
    const key = spec.matchKey(item.value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Of the rows of one entry (under its keyed and its earlier id), the one that is the item: the greatest causal length, then the later write. */
function entryRow(rows: readonly ItemRow[], clocksOf: (row: ItemRow) => FieldClocks): ItemRow | undefined {
  const written = (row: ItemRow) => clocksOf(row).contact_id ?? '';
  return rows.reduce<ItemRow | undefined>((best, row) => (!best || row.cl > best.cl || (row.cl === best.cl && written(row) > written(best)) ? row : best), undefined);
}

/** A contact's custom field values from its base list and its rows; a row counts if written after the base list. */
function shownCustomValues(base: BaseList, rows: readonly CustomRow[], clocksOf: (row: CustomRow) => FieldClocks): Map<string, CustomValue> {
  const values = new Map<string, CustomValue | null>();
  if (base.text !== null) for (const [field, value] of Object.entries(parseObject(base.text))) values.set(field, value);
  for (const row of rows) {
    if (row.field_id === '') continue;
    if (base.text !== null && (clocksOf(row).value ?? '') <= base.hlc) continue;
    values.set(row.field_id, parseValue(row.value));
  }
  const shown = new Map<string, CustomValue>();
  for (const field of [...values.keys()].sort()) {
    const value = values.get(field);
    if (value !== null && value !== undefined && value !== '') shown.set(field, value);
  }
  return shown;
}

export type ListReader = ReturnType<typeof createListReader>;

/** contacts.phones / emails / custom_fields: JSON of what the contact's lists show. */
export interface DerivedColumns {
  phones: string;
  emails: string;
  custom_fields: string;
}

/** The derived columns of a contact, as JSON, from what its lists show. */
export function derivedColumns(phones: ListItem[], emails: ListItem[], custom: Map<string, CustomValue>): DerivedColumns {
  return {
    phones: JSON.stringify(phones.map((item) => listSpecs.phones.toEntry(item))),
    emails: JSON.stringify(emails.map((item) => listSpecs.emails.toEntry(item))),
    custom_fields: JSON.stringify(Object.fromEntries(custom)),
  };
}

/**
 * Rebuilds contacts.phones / emails / custom_fields of every contact whose base lists or item
 * rows the transaction wrote, and marks those contacts touched so that their search index is
 * rebuilt and the renderer told. Registered before the contact indexer (search-index.ts).
 *
 * A contact the transaction created with those columns already derived from its base lists (the
 * import's batches: createdWithDerivedTouched) is not derived again when no item rows of it are
 * stored: with none, the base lists alone make the columns (derivedOfNewContact).
 */
export function createListMaterialiser(sqlite: Sqlite, reader: ListReader) {
  const update = sqlite.prepare('UPDATE contacts SET phones = ?, emails = ?, custom_fields = ? WHERE id = ?');
  const prepared = statementCache(sqlite);
  const same = (a: DerivedColumns, b: DerivedColumns) => a.phones === b.phones && a.emails === b.emails && a.custom_fields === b.custom_fields;
  const hasRows = (table: ItemTable) => `EXISTS (SELECT 1 FROM ${table} AS i WHERE i.id > j.value || ':' AND i.id < j.value || ';')`;

  /** Of these contacts, those with an item row in any of the three lists. */
  function withItemRows(contactIds: readonly string[]): Set<string> {
    const found = new Set<string>();
    for (let at = 0; at < contactIds.length; at += idsPerRead) {
      const rows = prepared(
        `SELECT j.value AS id FROM json_each(?) AS j WHERE ${hasRows('contact_phone_items')} OR ${hasRows('contact_email_items')} OR ${hasRows('contact_custom_values')}`,
      ).all(JSON.stringify(contactIds.slice(at, at + idsPerRead))) as { id: string }[];
      for (const { id } of rows) found.add(id);
    }
    return found;
  }

  return function materialiseTouched(touched: TouchedRows): void {
    const ids = new Set<string>(touched.get(baseListsTouched) ?? []);
    const itemsWritten = new Set<string>();
    for (const table of ['contact_phone_items', 'contact_email_items', 'contact_custom_values'] as const) {
      for (const rowId of touched.get(table) ?? []) itemsWritten.add(contactIdOfItemRow(rowId));
    }
    for (const id of itemsWritten) ids.add(id);
    if (ids.size === 0) return;
    let contacts = touched.get('contacts');
    if (!contacts) touched.set('contacts', (contacts = new Set()));
    const createdDerived = [...(touched.get(createdWithDerivedTouched) ?? [])].filter((id) => ids.has(id) && !itemsWritten.has(id));
    if (createdDerived.length > 0) {
      const withRows = withItemRows(createdDerived);
      for (const id of createdDerived) {
        if (withRows.has(id)) continue;
        ids.delete(id);
        contacts.add(id);
      }
    }
    // A contact not stored yet is left out: its items came first; its creation will bring it here again.
    for (const [id, { current, derived }] of reader.derivedOfMany([...ids])) {
      // A contact created with its derived columns already written (the import's batches) is not rewritten.
      if (!same(current, derived)) {
        update.run(derived.phones, derived.emails, derived.custom_fields, id);
        // Its phones or e-mails may be new: the search index reads them again.
        touched.get(contactsUnsearchedTouched)?.delete(id);
      }
      contacts.add(id);
    }
  };
}

function rowItem(row: ItemRow): ListItem {
  return { id: row.id, type: row.type, value: row.value, position: row.position, cl: row.cl };
}

function parseEntries(text: string, spec: ListSpec): { type: string; value: string }[] {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value.map((entry) => spec.parseEntry(entry)).filter((entry): entry is { type: string; value: string } => entry !== undefined);
  } catch {
    return [];
  }
}

function parseObject(text: string): Record<string, CustomValue | null> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const result: Record<string, CustomValue | null> = {};
    for (const [field, entry] of Object.entries(value)) result[field] = parseValue(JSON.stringify(entry));
    return result;
  } catch {
    return {};
  }
}

function parseValue(text: string): CustomValue | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? value : null;
  } catch {
    return null;
  }
}
