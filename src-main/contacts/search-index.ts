import { normaliseEmail } from '../../src-shared/phone';
import { statementCache, type Sqlite } from '../db/open';
import { insertRows } from '../writes/bulk-insert';
import { searchDigits } from './search-digits';
import { contactIdOfTagRow } from '../privacy/row-ids';
import { contactsUnsearchedTouched, type FieldValue } from '../writes/synced-tables';
import type { TouchedRows } from '../writes/mutation-engine';
import type { Email, Phone } from '../../src-shared/domain/contact';

// A tag row's id: `<contact id>:` and then its tag in lower case, or a keyed hash of it once the
// laptop holds its workspace's row-id key (src-main/privacy/row-ids.ts, where both are made).
export { contactIdOfTagRow, tagRowId } from '../privacy/row-ids';

/** Contacts reindexed per group of statements (their ids go as one JSON parameter). */
const contactsPerGroup = 500;

interface IndexedContact {
  id: string;
  name: string;
  company: string;
  phones: string;
  emails: string;
  cl: number;
  search_rowid: number | null;
}

/**
 * Keeps the derived tables of contacts in step with them: contact_phones and contact_emails
 * (matching by E.164 and lower-cased address), contacts_fts (words, by prefix) and
 * contact_digits_fts (any run of 3+ phone digits). Runs inside the write's transaction, so the
 * index never disagrees with the data. Deleted contacts are dropped from all of them.
 *
 * The contacts a transaction touched are reindexed in groups: one read of the group's rows and
 * tags, one delete per index table and multi-row inserts, rather than a dozen statements per
 * contact (an import writes thousands per transaction). A contact met for the first time gets
 * the next search rowid, in the order the contacts were touched.
 *
 * A contact written only in columns the index does not read (a status change: the engine's
 * contactsUnsearchedTouched) keeps all of its index rows. One of which only tag rows were written
 * (a bulk tag, a tag pulled from another laptop), or tags and unsearched columns,
 * keeps its phone and e-mail rows and its digits row: only its contacts_fts row is written again
 * (contentless FTS5 cannot change one column), from the same values a full reindex would use.
 * tests/main/contacts/search-index.property.test.ts holds the two paths to the same result.
 */
export function createContactIndexer(sqlite: Sqlite) {
  const statement = statementCache(sqlite);
  const ids = (list: readonly (string | number)[]) => JSON.stringify(list);
  const inList = 'IN (SELECT value FROM json_each(?))';
  const run = (sql: string) => statement(sql);

  function reindexGroup(contactIds: readonly string[]): void {
    const found = new Map(
      (statement(`SELECT id, name, company, phones, emails, cl, search_rowid FROM contacts WHERE id ${inList}`).all(ids(contactIds)) as IndexedContact[]).map((row) => [row.id, row]),
    );
    statement(`DELETE FROM contact_phones WHERE contact_id ${inList}`).run(ids(contactIds));
    statement(`DELETE FROM contact_emails WHERE contact_id ${inList}`).run(ids(contactIds));
    const rows = contactIds.flatMap((id) => found.get(id) ?? []);
    const indexed = rows.filter((row) => row.search_rowid !== null).map((row) => row.search_rowid!);
    if (indexed.length > 0) {
      statement(`DELETE FROM contacts_fts WHERE rowid ${inList}`).run(ids(indexed));
      statement(`DELETE FROM contact_digits_fts WHERE rowid ${inList}`).run(ids(indexed));
    }
    const unindexed = rows.filter((row) => row.search_rowid === null);
    if (unindexed.length > 0) {
      const next = (statement('SELECT COALESCE(MAX(search_rowid), 0) + 1 AS next FROM contacts').get() as { next: number }).next;
      unindexed.forEach((row, index) => (row.search_rowid = next + index));
      statement(`UPDATE contacts SET search_rowid = n.value ->> 1 FROM json_each(?) AS n WHERE contacts.id = n.value ->> 0`).run(
        JSON.stringify(unindexed.map((row) => [row.id, row.search_rowid])),
      );
    }

    const alive = rows.filter((row) => row.cl % 2 === 1);
    if (alive.length === 0) return;
    const tagsOf = presentTags(alive);
    const phoneRows: FieldValue[][] = [];
    const emailRows: FieldValue[][] = [];
    const wordRows: FieldValue[][] = [];
    const digitRows: FieldValue[][] = [];
    for (const row of alive) {
      const phones = safeParse<Phone>(row.phones);
      const emails = safeParse<Email>(row.emails);
      phones.forEach((phone, position) => phoneRows.push([row.id, position, phone.type, phone.e164]));
      emails.forEach((email, position) => emailRows.push([row.id, position, email.type, normaliseEmail(email.address)]));
      const digitRuns = digitRunsOf(phones);
      wordRows.push(wordRow(row, emails, tagsOf, digitRuns));
      if (digitRuns !== '') digitRows.push([row.search_rowid, digitRuns]);
    }
    insertRows(run, 'contact_phones', ['contact_id', 'position', 'type', 'e164'], phoneRows);
    insertRows(run, 'contact_emails', ['contact_id', 'position', 'type', 'address'], emailRows);
    insertRows(run, 'contacts_fts', wordColumns, wordRows);
    insertRows(run, 'contact_digits_fts', ['rowid', 'digits'], digitRows);
  }

  /**
   * The contacts of which only tag rows changed: their contacts_fts row again, nothing else. One
   * not indexed yet or deleted goes through reindexGroup, which gives rowids and drops rows.
   */
  function retagGroup(contactIds: readonly string[]): void {
    const rows = statement(`SELECT id, name, company, phones, emails, cl, search_rowid FROM contacts WHERE id ${inList}`).all(ids(contactIds)) as IndexedContact[];
    const retagged = rows.filter((row) => row.search_rowid !== null && row.cl % 2 === 1);
    const others = new Set(contactIds);
    for (const row of retagged) others.delete(row.id);
    if (others.size > 0) reindexGroup(contactIds.filter((id) => others.has(id)));
    if (retagged.length === 0) return;
    statement(`DELETE FROM contacts_fts WHERE rowid ${inList}`).run(ids(retagged.map((row) => row.search_rowid!)));
    const tagsOf = presentTags(retagged);
    insertRows(
      run,
      'contacts_fts',
      wordColumns,
      retagged.map((row) => wordRow(row, safeParse<Email>(row.emails), tagsOf, digitRunsOf(safeParse<Phone>(row.phones)))),
    );
  }

  /** What contact_digits_fts and the phones column of contacts_fts hold for these numbers. */
  function digitRunsOf(phones: readonly Phone[]): string {
    return phones.flatMap((phone) => searchDigits(phone.e164)).join(' ');
  }

  /** The present tags of each contact, in the order the index has always listed them. */
  function presentTags(rows: readonly IndexedContact[]): Map<string, string[]> {
    const tagsOf = new Map<string, string[]>();
    for (const { contact_id: contactId, tag } of statement(`SELECT contact_id, tag FROM contact_tags WHERE contact_id ${inList} AND present = 1`).all(
      ids(rows.map((row) => row.id)),
    ) as { contact_id: string; tag: string }[]) {
      let tags = tagsOf.get(contactId);
      if (!tags) tagsOf.set(contactId, (tags = []));
      tags.push(tag);
    }
    return tagsOf;
  }

  return function reindexTouched(touched: TouchedRows): void {
    // A contact written only in columns the index does not read keeps its index rows.
    const unsearched = touched.get(contactsUnsearchedTouched);
    const touchedIds = new Set<string>([...(touched.get('contacts') ?? [])].filter((id) => !unsearched?.has(id)));
    const tagsOnly = new Set<string>();
    for (const rowId of touched.get('contact_tags') ?? []) {
      const contactId = contactIdOfTagRow(rowId);
      if (!touchedIds.has(contactId)) tagsOnly.add(contactId);
    }
    // Contacts whose row was written first, in the order they were touched, then those of
    // which only tags changed: the order that gives search rowids to contacts met first.
    const list = [...touchedIds];
    for (let at = 0; at < list.length; at += contactsPerGroup) reindexGroup(list.slice(at, at + contactsPerGroup));
    const retag = [...tagsOnly];
    for (let at = 0; at < retag.length; at += contactsPerGroup) retagGroup(retag.slice(at, at + contactsPerGroup));
  };
}

const wordColumns = ['rowid', 'name', 'company', 'emails', 'tags', 'phones'];

/** A contact's contacts_fts row: the columns of wordColumns. */
function wordRow(row: IndexedContact, emails: readonly Email[], tagsOf: ReadonlyMap<string, string[]>, digitRuns: string): FieldValue[] {
  return [row.search_rowid, row.name, row.company, emails.map((email) => email.address).join(' '), (tagsOf.get(row.id) ?? []).join(' '), digitRuns];
}

function safeParse<T>(text: string): T[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}
