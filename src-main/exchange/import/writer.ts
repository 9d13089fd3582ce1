import type { Contact } from '../../../src-shared/domain/contact';
import type { ImportedContact } from '../../../src-shared/domain/exchange';
import { derivedOfNewContact } from '../../contacts/list-items';
import type { ListWriter } from '../../contacts/list-writer';
import { fieldsToColumns, type ContactFields } from '../../contacts/row-mapping';
import { tagRowId } from '../../contacts/search-index';
import type { Sqlite } from '../../db/open';
import type { MutationTx, NewRow } from '../../writes/mutation-engine';
import type { FieldValues } from '../../writes/synced-tables';
import { createPhotoFiles } from '../../files/contact-photos';
import type { BlobStore } from '../../files/blob-store';
import type { UploadQueue } from '../../files/upload-queue';
import type { ImportedPhoto, MergeField } from './contact-builder';
import { createImportQueries } from './queries';

// Writing imported contacts through the mutation engine (so the change log stays the truth),
// the same rows ContactsService.create writes, with two differences an import needs: the id
// of our own export is kept, and SLA rules for new contacts do not fire (importing 5,000 old
// customers must not make 5,000 "call the new lead" follow-ups).

/** What undo needs to revert one update: the columns it changed, before and after, and tags it added. */
export interface UpdateRecord {
  id: string;
  before: FieldValues;
  after: FieldValues;
  tagRows: string[];
}

export class ImportRejected extends Error {}

/** Where imported pictures go: the file store, with the name of who imported them. */
export interface ImportPhotoStore {
  blobs: BlobStore;
  uploads: UploadQueue;
  addedBy: () => string;
}

export function createImportWriter(sqlite: Sqlite, readContact: (id: string) => Contact, photoStore: ImportPhotoStore, lists: ListWriter) {
  const queries = createImportQueries(sqlite);
  const photoFiles = createPhotoFiles(sqlite, photoStore.uploads);

  /** The picture's bytes into the store and its files row for the contact; its SHA-256. */
  function storePhoto(tx: MutationTx, contactId: string, photo: ImportedPhoto, now: number): string {
    const blob = photoStore.blobs.putBytes(photo.bytes);
    photoFiles.attach(tx, contactId, { sha256: blob.sha256, sizeBytes: blob.sizeBytes, mimeType: photo.mimeType }, photoStore.addedBy(), now);
    return blob.sha256;
  }

  function writeTags(tx: MutationTx, contactId: string, tags: string[], known: Set<string>): string[] {
    const written: string[] = [];
    for (const tag of tags) {
      const key = tag.toLocaleLowerCase();
      if (known.has(key)) continue;
      known.add(key);
      const rowId = tagRowId(contactId, key, lists.rowIdKey());
      const row = queries.tagPresent(rowId);
      if (!row) tx.write('contact_tags', rowId, { contact_id: contactId, tag, present: 1 });
      else if (row.present !== 1) tx.write('contact_tags', rowId, { tag, present: 1 });
      else continue;
      written.push(rowId);
    }
    return written;
  }

  function create(tx: MutationTx, id: string, contact: ImportedContact, now: number, photo: ImportedPhoto | null = null): void {
    tx.write('contacts', id, contactColumns(contact, now), { wholeLists: true });
    // Its search rowid now, not when the transaction ends: createMany gives the contacts after it theirs.
    queries.giveSearchRowid(id);
    if (photo) tx.write('contacts', id, { photo_sha256: storePhoto(tx, id, photo, now) });
    writeTags(tx, id, contact.tags, new Set());
  }

  return {
    create,

    /**
     * Creates contacts as `create` would one after the other, in this order, with the rows of
     * those that are new to this database (their id and every tag row) written together
     * (MutationTx.writeNew). One whose id or a tag row is already known here (an id kept from
     * our own export, pulled earlier as a tag) is written by `create`, between the others.
     *
     * Each new contact is inserted with its search rowid, the next in the order written, as the
     * contact indexer would give them when the transaction ends (then with an UPDATE of every
     * new row): the import gives every contact it creates one at once (`create` too), so no
     * contact created earlier in the transaction is still waiting for a smaller one.
     */
    createMany(tx: MutationTx, contacts: readonly { id: string; contact: ImportedContact; photo: ImportedPhoto | null }[], now: number): void {
      const tagRows = contacts.map(({ id, contact }) => uniqueTags(contact.tags).map((tag) => ({ rowId: tagRowId(id, tag, lists.rowIdKey()), tag })));
      const knownContacts = tx.existing('contacts', contacts.map(({ id }) => id));
      const knownTags = tx.existing('contact_tags', tagRows.flat().map((row) => row.rowId));
      let batch: NewRow[] = [];
      let searchRowid: number | undefined;
      contacts.forEach(({ id, contact, photo }, index) => {
        const tags = tagRows[index]!;
        if (photo || knownContacts.has(id) || tags.some((row) => knownTags.has(row.rowId))) {
          tx.writeNew(batch);
          batch = [];
          create(tx, id, contact, now, photo);
          searchRowid = undefined;
          return;
        }
        const fields = contactColumns(contact, now);
        searchRowid ??= queries.largestSearchRowid();
        searchRowid += 1;
        // Its phones, e-mails and custom fields as the list materialiser derives them, written with the row.
        const derived = { ...derivedOfNewContact(id, fields), search_rowid: searchRowid };
        batch.push({ table: 'contacts', rowId: id, fields, options: { wholeLists: true }, derived });
        for (const row of tags) batch.push({ table: 'contact_tags', rowId: row.rowId, fields: { contact_id: id, tag: row.tag, present: 1 } });
      });
      tx.writeNew(batch);
    },

    /**
     * Merges what the file says into a contact: fields the row has a value for replace the
     * stored ones; phones, e-mails and tags are added to the lists; nothing is removed.
     */
    update(
      tx: MutationTx,
      id: string,
      contact: ImportedContact,
      present: Set<MergeField>,
      now: number,
      photo: ImportedPhoto | null = null,
    ): UpdateRecord | null {
      // Its lists as the items show them: a contact created or changed by an earlier row of this
      // chunk has its derived columns rebuilt only when the chunk's transaction ends.
      const stored = readContact(id);
      const current: Contact = { ...stored, ...lists.shown(id) };
      const next: ContactFields = { ...current, address: { ...current.address } };
      for (const field of ['kind', 'name', 'company', 'jobTitle', 'contactType', 'status', 'owner', 'source', 'potentialValue', 'summary', 'doNotContact'] as const) {
        if (present.has(field)) (next as Record<string, unknown>)[field] = contact[field];
      }
      for (const part of ['street', 'city', 'region', 'postcode', 'country'] as const) {
        if (present.has(part)) next.address[part] = contact.address[part];
      }
      const numbers = new Set(current.phones.map((phone) => phone.e164));
      const phones = [...current.phones, ...contact.phones.filter((phone) => !numbers.has(phone.e164))];
      const addresses = new Set(current.emails.map((email) => email.address.toLowerCase()));
      const emails = [...current.emails, ...contact.emails.filter((email) => !addresses.has(email.address.toLowerCase()))];
      if (phones.length > 20 || emails.length > 20) {
        throw new ImportRejected(`Adding this row's phones and e-mails to ${current.name} would pass the 20 a contact keeps.`);
      }

      const before = fieldsToColumns(current);
      const after = fieldsToColumns(next);
      const changedBefore: FieldValues = {};
      const changedAfter: FieldValues = {};
      for (const [column, value] of Object.entries(after)) {
        if (before[column] === value || column === 'phones' || column === 'emails' || column === 'custom_fields') continue;
        changedBefore[column] = before[column] ?? null;
        changedAfter[column] = value;
      }
      // Phones and e-mails are added and custom fields set item by item; undo needs the lists
      // before and after, as the contact's columns hold them.
      const copies = lists.write(tx, id, { phones, emails, customFields: contact.customFields });
      for (const [column, value] of Object.entries(copies)) {
        changedBefore[column] = before[column] ?? null;
        changedAfter[column] = value;
      }
      // A picture in the file replaces the one shown; the earlier one stays in the contact's files.
      if (photo) {
        const sha256 = storePhoto(tx, id, photo, now);
        if (sha256 !== current.photoSha256) {
          changedBefore.photo_sha256 = current.photoSha256;
          changedAfter.photo_sha256 = sha256;
        }
      }
      const hasChanges = Object.keys(changedAfter).length > 0;
      if (hasChanges) tx.write('contacts', id, { ...changedAfter, updated_at: now });
      const tagRows = writeTags(tx, id, contact.tags, new Set(current.tags.map((tag) => tag.toLocaleLowerCase())));
      if (!hasChanges && tagRows.length === 0) return null;
      return { id, before: changedBefore, after: changedAfter, tagRows };
    },
  };
}

export type ImportWriter = ReturnType<typeof createImportWriter>;

/** The columns of a new contact's row, as ContactsService.create writes them. */
function contactColumns(contact: ImportedContact, now: number): FieldValues {
  return { ...fieldsToColumns(toFields(contact)), created_at: contact.createdAt ?? now, updated_at: contact.updatedAt ?? now, cl: 1 };
}

/** A contact's tags once each, ignoring case (the first spelling wins), as writeTags takes them. */
function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toFields(contact: ImportedContact): ContactFields {
  return {
    kind: contact.kind,
    name: contact.name,
    company: contact.company,
    jobTitle: contact.jobTitle,
    phones: contact.phones,
    emails: contact.emails,
    address: contact.address,
    contactType: contact.contactType,
    status: contact.status,
    owner: contact.owner,
    source: contact.source,
    potentialValue: contact.potentialValue,
    summary: contact.summary,
    doNotContact: contact.doNotContact,
    customFields: contact.customFields,
  };
}
