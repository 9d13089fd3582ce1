import { createHash } from 'node:crypto';
import type { FieldClocks } from '../../src-shared/sync/merge';
import { normaliseEmail } from '../../src-shared/phone';
import type { Sqlite, Statement } from '../db/open';
import type { TouchedRows } from '../writes/mutation-engine';
import { baseListClock, baseListsTouched } from '../writes/synced-tables';

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
// the same row; once that row is written after the base list, the row is the item. A row not in
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
    matchKey: (value) => value,
    parseEntry: (entry) => {
      const { type, e164 } = (entry ?? {}) as { type?: unknown; e164?: unknown };
      return typeof type === 'string' && typeof e164 === 'string' ? { type, value: e164 } : undefined;
    },
    toEntry: (item) => ({ type: item.type, e164: item.value }),
  },
  emails: {
    table: 'contact_email_items',
    valueColumn: 'address',
    matchKey: normaliseEmail,
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

/** The id of the item a base list entry stands for: the same on every laptop. */
export function baseItemId(contactId: string, list: ListName, value: string): string {
  const key = listSpecs[list].matchKey(value);
  return `${contactId}:~${createHash('sha256').update(`${list}\n${key}`).digest('hex').slice(0, 24)}`;
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

export function createListReader(sqlite: Sqlite) {
  const statements = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = sqlite.prepare<unknown[], unknown>(sql)));
    return statement;
  };
  // Every row of one contact, by its id prefix.
  const range = (contactId: string) => [`${contactId}:`, `${contactId};`] as const;
  const clocksOf = (table: string, rowId: string): FieldClocks => {
    const row = prepared('SELECT clocks FROM row_clocks WHERE table_name = ? AND row_id = ?').get(table, rowId) as { clocks: string } | undefined;
    return row ? (JSON.parse(row.clocks) as FieldClocks) : {};
  };

  function baseLists(contactId: string): BaseLists | undefined {
    const row = prepared('SELECT base_phones, base_emails, base_custom_fields FROM contacts WHERE id = ?').get(contactId) as
      | { base_phones: string | null; base_emails: string | null; base_custom_fields: string | null }
      | undefined;
    if (!row) return undefined;
    const clocks = row.base_phones !== null || row.base_emails !== null || row.base_custom_fields !== null ? clocksOf('contacts', contactId) : {};
    const base = (name: 'phones' | 'emails' | 'custom_fields', text: string | null): BaseList => ({
      text,
      hlc: baseListClock(clocks, name) ?? '',
    });
    return {
      phones: base('phones', row.base_phones),
      emails: base('emails', row.base_emails),
      custom_fields: base('custom_fields', row.base_custom_fields),
    };
  }

  /** The items a contact shows in one list, in order (the first is the primary one). */
  function items(contactId: string, list: ListName, base: BaseList): ListItem[] {
    const spec = listSpecs[list];
    const rows = prepared(
      `SELECT id, contact_id, type, ${spec.valueColumn} AS value, position, cl FROM ${spec.table} WHERE id > ? AND id < ?`,
    ).all(...range(contactId)) as ItemRow[];
    const shown: ListItem[] = [];
    const entries = base.text === null ? null : parseEntries(base.text, spec);
    if (entries === null) {
      for (const row of rows) if (row.contact_id !== '' && row.cl % 2 === 1) shown.push(rowItem(row));
    } else {
      // The clock of a row's contact_id is that of its last write: every write sets it.
      const writtenAfterBase = (row: ItemRow) => (clocksOf(spec.table, row.id).contact_id ?? '') > base.hlc;
      const byId = new Map(rows.map((row) => [row.id, row]));
      const entryIds = new Set<string>();
      entries.forEach((entry, index) => {
        const id = baseItemId(contactId, list, entry.value);
        if (entryIds.has(id)) return;
        entryIds.add(id);
        const row = byId.get(id);
        if (row && row.contact_id !== '' && writtenAfterBase(row)) {
          if (row.cl % 2 === 1) shown.push(rowItem(row));
        } else {
          shown.push({ id, type: entry.type, value: entry.value, position: index, cl: row?.cl });
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

  /** A contact's custom field values; a field edited after the base list follows its row. */
  function customValues(contactId: string, base: BaseList): Map<string, CustomValue> {
    const values = new Map<string, CustomValue | null>();
    if (base.text !== null) for (const [field, value] of Object.entries(parseObject(base.text))) values.set(field, value);
    const rows = prepared('SELECT id, field_id, value FROM contact_custom_values WHERE id > ? AND id < ?').all(...range(contactId)) as {
      id: string;
      field_id: string;
      value: string;
    }[];
    for (const row of rows) {
      if (row.field_id === '') continue;
      if (base.text !== null && (clocksOf('contact_custom_values', row.id).value ?? '') <= base.hlc) continue;
      values.set(row.field_id, parseValue(row.value));
    }
    const shown = new Map<string, CustomValue>();
    for (const field of [...values.keys()].sort()) {
      const value = values.get(field);
      if (value !== null && value !== undefined && value !== '') shown.set(field, value);
    }
    return shown;
  }

  return { baseLists, items, customValues };
}

export type ListReader = ReturnType<typeof createListReader>;

/** The derived columns of a contact, as JSON, from what its lists show. */
export function derivedColumns(phones: ListItem[], emails: ListItem[], custom: Map<string, CustomValue>) {
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
 */
export function createListMaterialiser(sqlite: Sqlite, reader: ListReader) {
  const update = sqlite.prepare('UPDATE contacts SET phones = ?, emails = ?, custom_fields = ? WHERE id = ?');
  return function materialiseTouched(touched: TouchedRows): void {
    const ids = new Set<string>(touched.get(baseListsTouched) ?? []);
    for (const table of ['contact_phone_items', 'contact_email_items', 'contact_custom_values'] as const) {
      for (const rowId of touched.get(table) ?? []) ids.add(contactIdOfItemRow(rowId));
    }
    if (ids.size === 0) return;
    let contacts = touched.get('contacts');
    if (!contacts) touched.set('contacts', (contacts = new Set()));
    for (const id of ids) {
      const base = reader.baseLists(id);
      // No contact yet: its items came first; its creation will bring it here again.
      if (!base) continue;
      const columns = derivedColumns(reader.items(id, 'phones', base.phones), reader.items(id, 'emails', base.emails), reader.customValues(id, base.custom_fields));
      update.run(columns.phones, columns.emails, columns.custom_fields, id);
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
