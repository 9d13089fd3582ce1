import type { ContactRow } from '../../contacts/row-mapping';
import type { Sqlite } from '../../db/open';

// What an import reads of the contacts already there: their phone and e-mail indexes, to find
// duplicates; a contact by id, to update or revert it; and whether a tag is on it. And the
// search rowids it gives new contacts itself (see createImportWriter's createMany).

export interface ContactIdentity {
  id: string;
  name: string;
  cl: number;
}

export function createImportQueries(sqlite: Sqlite) {
  const phoneOwners = sqlite
    .prepare('SELECT p.e164 AS value, c.id, c.name FROM contact_phones p JOIN contacts c ON c.id = p.contact_id WHERE c.cl % 2 = 1')
    .raw();
  const emailOwners = sqlite
    .prepare('SELECT e.address AS value, c.id, c.name FROM contact_emails e JOIN contacts c ON c.id = e.contact_id WHERE c.cl % 2 = 1')
    .raw();
  const contactById = sqlite.prepare<[string], ContactRow>('SELECT * FROM contacts WHERE id = ?');
  const contactIdentity = sqlite.prepare<[string], ContactIdentity>('SELECT id, name, cl FROM contacts WHERE id = ?');
  const contactIdentities = sqlite.prepare<[string], ContactIdentity>('SELECT id, name, cl FROM contacts WHERE id IN (SELECT value FROM json_each(?))');
  const tagPresent = sqlite.prepare<[string], { present: number }>('SELECT present FROM contact_tags WHERE id = ?');
  const largestSearchRowid = sqlite.prepare<[], number>('SELECT COALESCE(MAX(search_rowid), 0) FROM contacts').pluck();
  const giveSearchRowid = sqlite.prepare<[string]>(
    'UPDATE contacts SET search_rowid = (SELECT COALESCE(MAX(search_rowid), 0) + 1 FROM contacts) WHERE id = ? AND search_rowid IS NULL',
  );
  return {
    /** [value, contact id, contact name] of every live contact's phones, streamed. */
    phoneOwners: () => phoneOwners.iterate() as IterableIterator<[string, string, string]>,
    emailOwners: () => emailOwners.iterate() as IterableIterator<[string, string, string]>,
    /** A contact, deleted or not. */
    contactById: (id: string) => contactById.get(id),
    contactIdentity: (id: string) => contactIdentity.get(id),
    /** contactIdentity of several ids in one query: those of contacts there, deleted or not. */
    contactIdentities: (ids: readonly string[]) => contactIdentities.all(JSON.stringify(ids)),
    tagPresent: (tagRowId: string) => tagPresent.get(tagRowId),
    /** The largest search rowid of any contact (src-main/contacts/search-index.ts gives the next to a new one). */
    largestSearchRowid: () => largestSearchRowid.get()!,
    /** Gives a contact without a search rowid the next one, as the contact indexer would. */
    giveSearchRowid: (contactId: string) => void giveSearchRowid.run(contactId),
  };
}

export type ImportQueries = ReturnType<typeof createImportQueries>;
