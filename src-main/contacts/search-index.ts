import { phoneSearchDigits, normaliseEmail } from '../../src-shared/phone';
import type { Sqlite } from '../db/open';
import type { TouchedRows } from '../writes/mutation-engine';
import type { Email, Phone } from '../../src-shared/domain/contact';

/** The contact a contact_tags row belongs to: its id is `<contactId>:<lower-cased tag>`. */
export function contactIdOfTagRow(tagRowId: string): string {
  const separator = tagRowId.indexOf(':');
  return separator === -1 ? tagRowId : tagRowId.slice(0, separator);
}

export function tagRowId(contactId: string, tag: string): string {
  return `${contactId}:${tag.toLocaleLowerCase()}`;
}

/**
 * Keeps the derived tables of contacts in step with them: contact_phones and contact_emails
 * (matching by E.164 and lower-cased address), contacts_fts (words, by prefix) and
 * contact_digits_fts (any run of 3+ phone digits). Runs inside the write's transaction, so the
 * index never disagrees with the data. Deleted contacts are dropped from all of them.
 */
export function createContactIndexer(sqlite: Sqlite) {
  const selectContact = sqlite.prepare(
    'SELECT id, name, company, phones, emails, cl, search_rowid FROM contacts WHERE id = ?',
  );
  const selectTags = sqlite.prepare('SELECT tag FROM contact_tags WHERE contact_id = ? AND present = 1');
  const nextSearchRowid = sqlite.prepare('SELECT COALESCE(MAX(search_rowid), 0) + 1 AS next FROM contacts');
  const setSearchRowid = sqlite.prepare('UPDATE contacts SET search_rowid = ? WHERE id = ?');
  const deletePhones = sqlite.prepare('DELETE FROM contact_phones WHERE contact_id = ?');
  const deleteEmails = sqlite.prepare('DELETE FROM contact_emails WHERE contact_id = ?');
  const insertPhone = sqlite.prepare('INSERT INTO contact_phones (contact_id, position, type, e164) VALUES (?, ?, ?, ?)');
  const insertEmail = sqlite.prepare(
    'INSERT INTO contact_emails (contact_id, position, type, address) VALUES (?, ?, ?, ?)',
  );
  const deleteWords = sqlite.prepare('DELETE FROM contacts_fts WHERE rowid = ?');
  const deleteDigits = sqlite.prepare('DELETE FROM contact_digits_fts WHERE rowid = ?');
  const insertWords = sqlite.prepare(
    'INSERT INTO contacts_fts (rowid, name, company, emails, tags, phones) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertDigits = sqlite.prepare('INSERT INTO contact_digits_fts (rowid, digits) VALUES (?, ?)');

  function reindex(contactId: string): void {
    const row = selectContact.get(contactId) as
      | { id: string; name: string; company: string; phones: string; emails: string; cl: number; search_rowid: number | null }
      | undefined;
    deletePhones.run(contactId);
    deleteEmails.run(contactId);
    if (!row) return;
    let searchRowid = row.search_rowid;
    if (searchRowid === null) {
      searchRowid = (nextSearchRowid.get() as { next: number }).next;
      setSearchRowid.run(searchRowid, contactId);
    } else {
      deleteWords.run(searchRowid);
      deleteDigits.run(searchRowid);
    }
    if (row.cl % 2 === 0) return;

    const phones = safeParse<Phone>(row.phones);
    const emails = safeParse<Email>(row.emails);
    phones.forEach((phone, position) => insertPhone.run(contactId, position, phone.type, phone.e164));
    emails.forEach((email, position) => insertEmail.run(contactId, position, email.type, normaliseEmail(email.address)));
    const tags = (selectTags.all(contactId) as { tag: string }[]).map((tag) => tag.tag);
    const digitRuns = phones.flatMap((phone) => phoneSearchDigits(phone.e164));
    insertWords.run(
      searchRowid,
      row.name,
      row.company,
      emails.map((email) => email.address).join(' '),
      tags.join(' '),
      digitRuns.join(' '),
    );
    if (digitRuns.length > 0) insertDigits.run(searchRowid, digitRuns.join(' '));
  }

  return function reindexTouched(touched: TouchedRows): void {
    const ids = new Set<string>(touched.get('contacts') ?? []);
    for (const rowId of touched.get('contact_tags') ?? []) ids.add(contactIdOfTagRow(rowId));
    for (const id of ids) reindex(id);
  };
}

function safeParse<T>(text: string): T[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}
