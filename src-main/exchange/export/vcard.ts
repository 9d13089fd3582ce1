import type { ExportVcardOptions } from '../../../src-shared/domain/exchange';
import type { Contact } from '../../../src-shared/domain/contact';
import { AppError } from '../../../src-shared/errors';
import { rowToContact, type ContactRow } from '../../contacts/row-mapping';
import { blobStoreOf } from '../../files/blob-store';
import { sniffImage } from '../../files/image-type';
import { contactsExportPageCacheKiB, writeAtomically } from './csv';
import { raisePageCache } from '../../db/page-cache';
import type { ExchangeDeps, JobControl } from '../deps';
import { writeVCard, type CardPhoto } from '../formats/vcard/write';

/** Contacts per progress report and per yield to the event loop. */
const chunkContacts = 500;

/** Refuses a selection naming anything but live contacts (every contact's export has nothing to check). */
export function refuseUnknownContacts(deps: Pick<ExchangeDeps, 'sqlite'>, options: ExportVcardOptions): void {
  if (options.contactIds) chosenContacts(deps, options.contactIds);
}

/** The chosen contacts' ids and rowids, each checked to be a live contact, duplicates once. */
function chosenContacts(deps: Pick<ExchangeDeps, 'sqlite'>, contactIds: readonly string[]): { id: string; rowid: number }[] {
  const alive = deps.sqlite.prepare<[string], { cl: number; rowid: number }>('SELECT cl, rowid FROM contacts WHERE id = ?');
  const chosen = new Map<string, number>();
  contactIds.forEach((id, index) => {
    const row = alive.get(id);
    if (row === undefined || row.cl % 2 === 0) throw new AppError('not_found', 'That contact does not exist or was deleted.', `contactIds.${index}`);
    if (!chosen.has(id)) chosen.set(id, row.rowid);
  });
  return [...chosen].map(([id, rowid]) => ({ id, rowid }));
}

/** The rowids of the contacts to export, in the file's order. */
function rowidsToExport(deps: Pick<ExchangeDeps, 'sqlite'>, options: ExportVcardOptions): number[] {
  if (options.contactIds) return chosenContacts(deps, options.contactIds).map(({ rowid }) => rowid);
  return deps.sqlite.prepare('SELECT rowid FROM contacts WHERE cl % 2 = 1 ORDER BY name COLLATE NOCASE, id').pluck().all() as number[];
}

/**
 * Streams contacts as vCards into `outPath` (written as .part and renamed when complete), each
 * with its picture from the file store when the bytes are on this laptop.
 */
export async function exportVcards(
  deps: ExchangeDeps,
  options: ExportVcardOptions,
  outPath: string,
  control: JobControl = {},
): Promise<{ rows: number; bytes: number }> {
  const rowids = rowidsToExport(deps, options);
  const blobs = blobStoreOf(deps.dataDir, deps.keys);
  const customFields = deps.settings.get().customFields;
  const photoOf = (sha256: string | null): CardPhoto | null => {
    if (!sha256 || !blobs.has(sha256)) return null;
    const bytes = blobs.readBytes(sha256);
    const mimeType = sniffImage(bytes);
    return mimeType ? { bytes, mimeType } : null;
  };
  // A chunk's rows and their tags in two statements prepared once, the rows looked up in the
  // table's order (each page of the table visited once a chunk), then put in the file's order.
  const rowsOf = deps.sqlite.prepare<[string], ContactRow & { rowid: number }>(
    'SELECT *, rowid FROM contacts WHERE rowid IN (SELECT value FROM json_each(?)) AND cl % 2 = 1',
  );
  const tagsOf = deps.sqlite
    .prepare<[string], [string, string]>(
      `SELECT t.contact_id, t.tag FROM contacts c JOIN contact_tags t ON t.contact_id = c.id AND t.present = 1
       WHERE c.rowid IN (SELECT value FROM json_each(?)) ORDER BY t.tag COLLATE NOCASE`,
    )
    .raw();
  const readChunk = (chunk: number[]): Contact[] => {
    const ascending = JSON.stringify([...chunk].sort((a, b) => a - b));
    const rows = new Map(rowsOf.all(ascending).map((row) => [row.rowid, row]));
    const tags = new Map<string, string[]>();
    for (const [id, tag] of tagsOf.all(ascending)) {
      const list = tags.get(id);
      if (list) list.push(tag);
      else tags.set(id, [tag]);
    }
    // A contact deleted while the export runs is left out.
    return chunk.flatMap((rowid) => {
      const row = rows.get(rowid);
      return row ? [rowToContact(row, tags.get(row.id) ?? [])] : [];
    });
  };
  // The chunks, in the file's order, lie spread over the whole table, as in the CSV export.
  const givePageCacheBack = raisePageCache(deps.sqlite, contactsExportPageCacheKiB);
  try {
    return await writeAtomically(outPath, async (write) => {
      control.onProgress?.('writing', 0, rowids.length);
      let written = 0;
      for (let start = 0; start < rowids.length; start += chunkContacts) {
        if (control.signal?.aborted) throw new AppError('cancelled', 'The export was cancelled.');
        let text = '';
        for (const contact of readChunk(rowids.slice(start, start + chunkContacts))) {
          text += writeVCard(contact, { version: options.version, customFields, photo: photoOf(contact.photoSha256) });
          written += 1;
        }
        await write(text);
        control.onProgress?.('writing', Math.min(start + chunkContacts, rowids.length), rowids.length);
      }
      return written;
    });
  } finally {
    givePageCacheBack();
  }
}
