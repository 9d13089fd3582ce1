import type { ExportVcardOptions } from '../../../src-shared/domain/exchange';
import type { Contact } from '../../../src-shared/domain/contact';
import { AppError } from '../../../src-shared/errors';
import { rowToContact, type ContactRow } from '../../contacts/row-mapping';
import { blobStoreOf } from '../../files/blob-store';
import { sniffImage } from '../../files/image-type';
import { writeAtomically } from './csv';
import type { ExchangeDeps, JobControl } from '../deps';
import { writeVCard, type CardPhoto } from '../formats/vcard/write';

/** Contacts per progress report and per yield to the event loop. */
const chunkContacts = 500;

/** The ids to export: the ones asked for, each checked to be a live contact, or every live contact by name. */
export function contactIdsToExport(deps: Pick<ExchangeDeps, 'sqlite'>, options: ExportVcardOptions): string[] {
  if (!options.contactIds) {
    return deps.sqlite.prepare('SELECT id FROM contacts WHERE cl % 2 = 1 ORDER BY name COLLATE NOCASE, id').pluck().all() as string[];
  }
  const alive = deps.sqlite.prepare<[string], number>('SELECT cl FROM contacts WHERE id = ?').pluck();
  options.contactIds.forEach((id, index) => {
    const cl = alive.get(id);
    if (cl === undefined || cl % 2 === 0) throw new AppError('not_found', 'That contact does not exist or was deleted.', `contactIds.${index}`);
  });
  return [...new Set(options.contactIds)];
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
  const ids = contactIdsToExport(deps, options);
  const blobs = blobStoreOf(deps.dataDir, deps.keys);
  const customFields = deps.settings.get().customFields;
  const photoOf = (sha256: string | null): CardPhoto | null => {
    if (!sha256 || !blobs.has(sha256)) return null;
    const bytes = blobs.readBytes(sha256);
    const mimeType = sniffImage(bytes);
    return mimeType ? { bytes, mimeType } : null;
  };
  // Whole chunks of rows and their tags in two queries, not two per contact.
  const readChunk = (chunk: string[]): Contact[] => {
    const marks = chunk.map(() => '?').join(',');
    const rows = new Map(
      (deps.sqlite.prepare(`SELECT * FROM contacts WHERE id IN (${marks})`).all(...chunk) as ContactRow[]).map((row) => [row.id, row]),
    );
    const tags = new Map<string, string[]>();
    const tagRows = deps.sqlite
      .prepare(`SELECT contact_id, tag FROM contact_tags WHERE contact_id IN (${marks}) AND present = 1 ORDER BY tag COLLATE NOCASE`)
      .all(...chunk) as { contact_id: string; tag: string }[];
    for (const { contact_id: id, tag } of tagRows) tags.set(id, [...(tags.get(id) ?? []), tag]);
    // A contact deleted while the export runs is left out.
    return chunk.flatMap((id) => {
      const row = rows.get(id);
      return row && row.cl % 2 === 1 ? [rowToContact(row, tags.get(id) ?? [])] : [];
    });
  };
  return writeAtomically(outPath, async (write) => {
    control.onProgress?.('writing', 0, ids.length);
    let written = 0;
    for (let start = 0; start < ids.length; start += chunkContacts) {
      if (control.signal?.aborted) throw new AppError('cancelled', 'The export was cancelled.');
      let text = '';
      for (const contact of readChunk(ids.slice(start, start + chunkContacts))) {
        text += writeVCard(contact, { version: options.version, customFields, photo: photoOf(contact.photoSha256) });
        written += 1;
      }
      await write(text);
      control.onProgress?.('writing', Math.min(start + chunkContacts, ids.length), ids.length);
    }
    return written;
  });
}
