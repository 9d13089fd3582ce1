import { v7 as uuidv7 } from 'uuid';
import type { CustomFieldValues, Email, Phone } from '../../src-shared/domain/contact';
import type { MutationTx } from '../writes/mutation-engine';
import type { FieldValues } from '../writes/synced-tables';
import {
  customValueId,
  derivedColumns,
  listSpecs,
  type BaseLists,
  type ListItem,
  type ListName,
  type ListReader,
} from './list-items';

// Turns "the list should now be this" into item edits: which item was added, removed, or edited
// (its type, its digits, its place), so that what two people change at once on two laptops both
// stays (list-items.ts merges them). Custom fields are set one by one; fields not named are left.

export interface ListChanges {
  /** The whole list as it should be; matched to the current items by number. */
  phones?: Phone[];
  /** The whole list as it should be; matched to the current items by address, ignoring case. */
  emails?: Email[];
  /** Fields to set; null or '' clears one. Fields not named are left as they are. */
  customFields?: CustomFieldValues;
}

interface Wanted {
  type: string;
  value: string;
}

export function createListWriter(reader: ListReader, rowIdKey: () => Buffer | undefined = () => undefined) {
  /**
   * Writes the item rows that take the contact's lists to `changes`, in the caller's
   * transaction, and returns, for the contact's own change, a copy of each list that changed (for
   * laptops of schema version 1, which read only those). Empty when nothing changed.
   */
  function write(tx: MutationTx, contactId: string, changes: ListChanges): FieldValues {
    const base = reader.baseLists(contactId);
    if (!base) throw new Error(`No contact ${contactId} to write lists of`);
    const changed = new Set<ListName | 'customFields'>();
    if (changes.phones && writeList(tx, contactId, 'phones', base, changes.phones.map((phone) => ({ type: phone.type, value: phone.e164 })))) {
      changed.add('phones');
    }
    if (changes.emails && writeList(tx, contactId, 'emails', base, changes.emails.map((email) => ({ type: email.type, value: email.address })))) {
      changed.add('emails');
    }
    if (changes.customFields && writeCustom(tx, contactId, base, changes.customFields)) changed.add('customFields');
    if (changed.size === 0) return {};
    const columns = derivedColumns(reader.items(contactId, 'phones', base.phones), reader.items(contactId, 'emails', base.emails), reader.customValues(contactId, base.custom_fields));
    const copies: FieldValues = {};
    if (changed.has('phones')) copies.phones = columns.phones;
    if (changed.has('emails')) copies.emails = columns.emails;
    if (changed.has('customFields')) copies.custom_fields = columns.custom_fields;
    return copies;
  }

  function writeList(tx: MutationTx, contactId: string, list: ListName, base: BaseLists, wantedList: Wanted[]): boolean {
    const spec = listSpecs[list];
    const current = reader.items(contactId, list, base[list]);
    const wanted = uniqueBy(wantedList, (entry) => spec.matchKey(entry.value));
    const plan = matchItems(current, wanted, spec.matchKey);
    let wrote = false;
    // Every write of an item is whole: an edit asserts the item as its editor left it, and a
    // removal or a restore moves the causal length past the row's (the greatest wins).
    const put = (id: string, item: Wanted & { position: number }, cl: number) => {
      tx.write(spec.table, id, { contact_id: contactId, type: item.type, [spec.valueColumn]: item.value, position: item.position, cl });
      wrote = true;
    };

    current.forEach((item, index) => {
      if (!plan.used.has(index)) put(item.id, item, nextEven(item.cl));
    });
    let nextPosition = current.reduce((highest, item) => Math.max(highest, item.position), -1) + 1;
    wanted.forEach((entry, index) => {
      const at = plan.pairs[index];
      const position = plan.inOrder ? undefined : index;
      if (at === undefined) {
        put(`${contactId}:${uuidv7()}`, { ...entry, position: position ?? nextPosition++ }, 1);
        return;
      }
      const item = current[at]!;
      const edited = { type: entry.type, value: entry.value, position: position ?? item.position };
      if (edited.type !== item.type || edited.value !== item.value || edited.position !== item.position) put(item.id, edited, nextOdd(item.cl));
    });
    return wrote;
  }

  function writeCustom(tx: MutationTx, contactId: string, base: BaseLists, values: CustomFieldValues): boolean {
    const current = reader.customValues(contactId, base.custom_fields);
    let wrote = false;
    for (const [field, given] of Object.entries(values)) {
      const value = given === '' ? null : given;
      if ((current.get(field) ?? null) === value) continue;
      tx.write('contact_custom_values', customValueId(contactId, field), { contact_id: contactId, field_id: field, value: JSON.stringify(value) });
      wrote = true;
    }
    return wrote;
  }

  /**
   * A contact's lists as its items show them now, inside a transaction that may have written
   * them (contacts.phones / emails / custom_fields are derived only when the transaction ends).
   */
  function shown(contactId: string): { phones: Phone[]; emails: Email[]; customFields: CustomFieldValues } | undefined {
    const base = reader.baseLists(contactId);
    if (!base) return undefined;
    return {
      phones: reader.items(contactId, 'phones', base.phones).map((item) => ({ type: item.type as Phone['type'], e164: item.value })),
      emails: reader.items(contactId, 'emails', base.emails).map((item) => ({ type: item.type as Email['type'], address: item.value })),
      customFields: Object.fromEntries(reader.customValues(contactId, base.custom_fields)),
    };
  }

  // rowIdKey: the import names its tag rows with it (src-main/privacy/row-ids.ts).
  return { write, shown, rowIdKey };
}

export type ListWriter = ReturnType<typeof createListWriter>;

/**
 * Which current item each wanted entry is: the one with the same number or address, else the
 * one at the same place in the list (its number or address was edited there). Current items
 * matched by neither are removed; wanted entries matched by neither are added. The list keeps
 * its order when the matched items stay in order and the added ones come after them.
 */
function matchItems(current: ListItem[], wanted: Wanted[], matchKey: (value: string) => string) {
  const pairs: (number | undefined)[] = wanted.map(() => undefined);
  const used = new Set<number>();
  const byKey = new Map(current.map((item, index) => [matchKey(item.value), index]));
  wanted.forEach((entry, index) => {
    const at = byKey.get(matchKey(entry.value));
    if (at !== undefined && !used.has(at)) {
      pairs[index] = at;
      used.add(at);
    }
  });
  wanted.forEach((_, index) => {
    if (pairs[index] === undefined && index < current.length && !used.has(index)) {
      pairs[index] = index;
      used.add(index);
    }
  });
  let inOrder = true;
  let last = -1;
  let added = false;
  for (const at of pairs) {
    if (at === undefined) added = true;
    else if (added || at < last) inOrder = false;
    else last = at;
  }
  return { pairs, used, inOrder };
}

function uniqueBy<T>(list: T[], key: (entry: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((entry) => {
    const value = key(entry);
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}

const nextOdd = (cl: number | undefined) => (cl === undefined ? 1 : cl % 2 === 1 ? cl : cl + 1);
const nextEven = (cl: number | undefined) => (cl === undefined ? 2 : cl % 2 === 1 ? cl + 1 : cl + 2);
