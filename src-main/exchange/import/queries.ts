import type { ContactRow } from '../../contacts/row-mapping';
import type { Sqlite } from '../../db/open';

// What an import reads of the contacts already there: their phone and e-mail indexes, to find
// duplicates; a contact by id, to update or revert it; and whether a tag is on it.

export function createImportQueries(sqlite: Sqlite) {
  const phoneOwners = sqlite
    .prepare('SELECT p.e164 AS value, c.id, c.name FROM contact_phones p JOIN contacts c ON c.id = p.contact_id WHERE c.cl % 2 = 1')
    .raw();
  const emailOwners = sqlite
    .prepare('SELECT e.address AS value, c.id, c.name FROM contact_emails e JOIN contacts c ON c.id = e.contact_id WHERE c.cl % 2 = 1')
    .raw();
  const contactById = sqlite.prepare<[string], ContactRow>('SELECT * FROM contacts WHERE id = ?');
  const contactIdentity = sqlite.prepare<[string], { id: string; name: string; cl: number }>('SELECT id, name, cl FROM contacts WHERE id = ?');
  const tagPresent = sqlite.prepare<[string], { present: number }>('SELECT present FROM contact_tags WHERE id = ?');
  return {
    /** [value, contact id, contact name] of every live contact's phones, streamed. */
    phoneOwners: () => phoneOwners.iterate() as IterableIterator<[string, string, string]>,
    emailOwners: () => emailOwners.iterate() as IterableIterator<[string, string, string]>,
    /** A contact, deleted or not. */
    contactById: (id: string) => contactById.get(id),
    contactIdentity: (id: string) => contactIdentity.get(id),
    tagPresent: (tagRowId: string) => tagPresent.get(tagRowId),
  };
}

export type ImportQueries = ReturnType<typeof createImportQueries>;
