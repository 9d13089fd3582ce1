import { v7 as uuidv7 } from 'uuid';
import type { Contact } from '../../src-shared/domain/contact';
import { AppError } from '../../src-shared/errors';
import type { Sqlite } from '../db/open';
import type { MutationTx } from '../writes/mutation-engine';
import { WritingService, type WriteDeps } from '../writes/write-deps';
import type { BlobStore, StagedBlob } from './blob-store';
import type { UploadQueue } from './upload-queue';
import { imageExtensions, maxPhotoBytes, sniffImage } from './image-type';

// A contact's picture: the bytes in the content-addressed file store, a files row of category
// 'photo' for the contact (so the picture syncs, is backed up and garbage-collected like any
// file, and shows in the contact's files), and contacts.photo_sha256 naming the one shown.
// The column is what the list reads (no join per row); the file row is what keeps the bytes.
// Written by hand (contacts.setPhoto) and by imports (src-main/exchange/import/writer.ts).

export interface PhotoBlob {
  sha256: string;
  sizeBytes: number;
  mimeType: string;
}

/**
 * The files row that holds a contact's picture, unless the contact already has one for these
 * bytes. Like any file, its bytes are queued for the relay and the row held back from sync until
 * they are there, so a teammate never gets a picture it cannot fetch.
 */
export function createPhotoFiles(sqlite: Sqlite, uploads: UploadQueue) {
  const liveRow = sqlite.prepare<[string, string], { id: string }>(
    "SELECT id FROM files WHERE contact_id = ? AND sha256 = ? AND category = 'photo' AND cl % 2 = 1 LIMIT 1",
  );
  return {
    attach(tx: MutationTx, contactId: string, blob: PhotoBlob, addedBy: string, now: number): void {
      if (liveRow.get(contactId, blob.sha256)) return;
      const id = uuidv7();
      uploads.enqueue(blob.sha256, blob.sizeBytes, { tableName: 'files', rowId: id });
      tx.write('files', id, {
        contact_id: contactId,
        sha256: blob.sha256,
        name: `Contact photo.${imageExtensions[blob.mimeType] ?? 'img'}`,
        mime_type: blob.mimeType,
        size_bytes: blob.sizeBytes,
        category: 'photo',
        added_by: addedBy,
        created_at: now,
        deleted_at: null,
        cl: 1,
      });
    },
    /** The live photo row of these bytes for the contact, if any. */
    rowOf(contactId: string, sha256: string): string | undefined {
      return liveRow.get(contactId, sha256)?.id;
    },
  };
}

export class ContactPhotos extends WritingService {
  private readonly files;
  private readonly referenced;
  private readonly blobs: BlobStore;
  private readonly readContact: (id: string) => Contact;

  constructor(deps: WriteDeps & { blobs: BlobStore; uploads: UploadQueue; getContact: (id: string) => Contact }) {
    super(deps);
    this.blobs = deps.blobs;
    this.readContact = deps.getContact;
    this.files = createPhotoFiles(deps.sqlite, deps.uploads);
    this.referenced = deps.sqlite.prepare<[string], { one: number }>('SELECT 1 AS one FROM files WHERE sha256 = ? LIMIT 1');
  }

  /**
   * Sets (an upload staged by the transport) or removes (null) a contact's picture. The picture
   * it replaces stays in the contact's files, deleted (restorable), so a change can be undone.
   */
  set(contactId: string, uploadId: string | null): Contact {
    this.lifecycle.requireAlive('contacts', contactId, 'contact', 'contactId');
    const contact = this.readContact(contactId);
    const blob = uploadId === null ? null : this.commitPicture(uploadId);
    if ((blob?.sha256 ?? null) === contact.photoSha256) return contact;
    const previousRow = contact.photoSha256 ? this.files.rowOf(contactId, contact.photoSha256) : undefined;
    const now = this.now();
    this.engine.transaction((tx) => {
      if (blob) this.files.attach(tx, contactId, blob, this.settings.get().userName, now);
      tx.write('contacts', contactId, { photo_sha256: blob?.sha256 ?? null, updated_at: now });
      if (previousRow) this.lifecycle.delete('files', previousRow, 'file', { deleted_at: now }, tx);
    });
    return this.readContact(contactId);
  }

  private commitPicture(uploadId: string): PhotoBlob {
    const staged: StagedBlob = this.blobs.commit(uploadId);
    const head = this.blobs.readRange(staged.sha256, 0, 16);
    const mimeType = sniffImage(head);
    const problem = !mimeType
      ? 'A contact photo must be a JPEG, PNG, GIF, WebP or BMP picture.'
      : staged.sizeBytes > maxPhotoBytes
        ? `A contact photo can be at most ${maxPhotoBytes / 1024 / 1024} MB.`
        : null;
    if (problem) {
      // Not kept: nothing refers to these bytes unless they were in the store before.
      if (!this.referenced.get(staged.sha256) && this.settings.get().officeLogoSha256 !== staged.sha256) this.blobs.remove(staged.sha256);
      throw new AppError('invalid_input', problem, 'uploadId');
    }
    return { sha256: staged.sha256, sizeBytes: staged.sizeBytes, mimeType: mimeType! };
  }
}
