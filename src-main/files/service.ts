import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import { type FileCategory, type OfflineFiles, type StoredFile } from '../../src-shared/domain/file';
import { AppError } from '../../src-shared/errors';
import { LocalState } from '../settings/local-state';
import { WritingService, type WriteDeps } from '../writes/write-deps';
import { importFileMaxBytes, type UploadPurpose } from '../../src-shared/ipc/bridge';
import { BlobStore, formatBytes, importTooLargeMessage, type StagedBlob } from './blob-store';
import { createFileQueries, rowToFile, type FileRow } from './queries';
import { UploadQueue } from './upload-queue';

/** A stored file opened for reading: its bytes come decrypted, whole or by range (inclusive ends). */
export interface OpenedFile {
  file: StoredFile;
  sizeBytes: number;
  read(range?: { start: number; end: number }): Readable;
  /** The whole file in memory: only for small ones (a logo printed on a quote). */
  bytes(): Buffer;
}

/** How long a deleted file's bytes are kept, so that undo can bring the file back. */
export const fileUndoWindowMs = 60 * 60 * 1000;

/** The relay's upload limit, as it last said (a laptop refuses larger files before they queue). */
const relayLimitKey = 'files.relayMaxFileBytes';

export class FilesService extends WritingService {
  readonly blobs: BlobStore;
  /** Blobs owed to the relay; uploaded by src-main/files/uploader.ts. */
  readonly uploads: UploadQueue;
  private readonly state: LocalState;
  private readonly queries;
  private readonly openers: ((sha256: string) => StoredFile | undefined)[] = [];

  /** `databaseKey` is the data folder's: stored file bytes are encrypted under a key derived from it. */
  constructor(deps: WriteDeps & { dataDir: string; databaseKey: Buffer | null }) {
    super(deps);
    this.blobs = new BlobStore(path.join(deps.dataDir, 'files'), deps.databaseKey);
    this.uploads = new UploadQueue(deps.sqlite, deps.now);
    this.state = new LocalState(deps.sqlite);
    this.queries = createFileQueries(deps.sqlite);
  }

  get(id: string): StoredFile {
    const row = this.queries.byId.get(id);
    if (!row) throw new AppError('not_found', 'That file does not exist or was deleted.', 'id');
    return this.toFile(row);
  }

  listForContact(contactId: string): StoredFile[] {
    return this.queries.ofContact.all(contactId).map((row) => this.toFile(row));
  }

  private toFile(row: FileRow): StoredFile {
    return rowToFile(row, this.blobs.has(row.sha256));
  }

  /**
   * Streams an upload into staging, refusing it past the size limit of the settings or of the
   * relay; a file for an import (`purpose` 'import') only past the import's own limit, and it can
   * then be read by an import but never attached.
   */
  stage(source: Readable, name: string, purpose: UploadPurpose = 'file'): Promise<StagedBlob> {
    if (purpose === 'import') {
      return this.blobs.stage(source, importFileMaxBytes, name, importTooLargeMessage(name), { importOnly: true });
    }
    const own = this.settings.get().maxFileBytes;
    const relay = this.state.get<number>(relayLimitKey);
    if (relay !== undefined && relay < own) {
      const message = `"${name}" is larger than the ${formatBytes(relay)} your team's relay accepts, so it could not reach your teammates.`;
      return this.blobs.stage(source, relay, name, message);
    }
    return this.blobs.stage(source, own, name);
  }

  setRelayMaxFileBytes(bytes: number): void {
    this.state.set(relayLimitKey, bytes);
  }

  offlinePolicy(): OfflineFiles {
    return this.settings.get().offlineFiles;
  }

  stageFromPath(filePath: string, purpose: UploadPurpose = 'file'): Promise<StagedBlob> {
    const stat = fs.statSync(filePath, { throwIfNoEntry: false });
    if (!stat?.isFile()) throw new AppError('not_found', 'That file cannot be read.', 'path');
    return this.stage(fs.createReadStream(filePath), path.basename(filePath), purpose);
  }

  add(input: { contactId: string; uploadId: string; name: string; mimeType: string; category: FileCategory }): StoredFile {
    this.lifecycle.requireAlive('contacts', input.contactId, 'contact', 'contactId');
    const blob = this.blobs.commit(input.uploadId);
    const id = uuidv7();
    this.engine.transaction((tx) => {
      // Queued with the row, and the row held back from sync until the relay has the bytes.
      this.uploads.enqueue(blob.sha256, blob.sizeBytes, { tableName: 'files', rowId: id });
      tx.write('files', id, {
        contact_id: input.contactId,
        sha256: blob.sha256,
        name: input.name,
        mime_type: input.mimeType || 'application/octet-stream',
        size_bytes: blob.sizeBytes,
        category: input.category,
        added_by: this.settings.get().userName,
        created_at: this.now(),
        deleted_at: null,
        cl: 1,
      });
    });
    return this.get(id);
  }

  delete(id: string): { id: string } {
    this.lifecycle.delete('files', id, 'file', { deleted_at: this.now() });
    return { id };
  }

  restore(id: string): StoredFile {
    this.lifecycle.restore('files', id, 'file');
    return this.get(id);
  }

  /** A live file's metadata and a way to read its (decrypted) bytes, for showing or opening. */
  open(sha256: string): OpenedFile | undefined {
    if (!this.blobs.has(sha256)) return undefined;
    const file = this.describe(sha256);
    if (!file) return undefined;
    return {
      file,
      sizeBytes: this.blobs.sizeOf(sha256),
      read: (range) => this.blobs.read(sha256, range),
      bytes: () => this.blobs.readBytes(sha256),
    };
  }

  private describe(sha256: string): StoredFile | undefined {
    const row = this.queries.byShaAlive.get(sha256);
    if (row) return this.toFile(row);
    const logo = this.settings.get().officeLogoSha256 === sha256 ? this.logoFile(sha256) : undefined;
    if (logo) return logo;
    for (const opener of this.openers) {
      const file = opener(sha256);
      if (file) return file;
    }
    return undefined;
  }

  /** Another owner of stored bytes (a call's recording: src-main/phone) says what they are. */
  addOpener(opener: (sha256: string) => StoredFile | undefined): void {
    this.openers.push(opener);
  }

  /**
   * The office logo printed on quotes: an uploaded PNG or JPEG kept in the file store (no contact
   * owns it, so it is not a file row; garbage collection leaves it alone). `null` removes it.
   */
  setOfficeLogo(uploadId: string | null): { officeLogoSha256: string | null } {
    if (uploadId === null) {
      this.settings.update({ officeLogoSha256: null });
      return { officeLogoSha256: null };
    }
    const blob = this.blobs.commit(uploadId);
    if (!this.logoFile(blob.sha256)) {
      // Not kept: nothing would ever refer to these bytes.
      if (!this.queries.byShaAlive.get(blob.sha256) && this.settings.get().officeLogoSha256 !== blob.sha256) this.blobs.remove(blob.sha256);
      throw new AppError('invalid_input', 'The logo must be a PNG or JPEG image.', 'uploadId');
    }
    this.settings.update({ officeLogoSha256: blob.sha256 });
    return { officeLogoSha256: blob.sha256 };
  }

  private logoFile(sha256: string): StoredFile | undefined {
    const head = this.blobs.readRange(sha256, 0, 8);
    const mimeType = head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
      ? 'image/png'
      : head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff
        ? 'image/jpeg'
        : undefined;
    if (!mimeType) return undefined;
    const sizeBytes = this.blobs.sizeOf(sha256);
    return { id: `logo-${sha256.slice(0, 12)}`, contactId: '', sha256, name: 'logo', mimeType, sizeBytes, category: 'photo', addedBy: '', createdAt: 0, available: true };
  }

  /** Removes bytes nothing refers to any more, once the undo window has passed. */
  collectGarbage(): number {
    const now = this.now();
    const logo = this.settings.get().officeLogoSha256;
    // Bytes still queued for upload may go too: their rows were held back, so no teammate knows
    // them, and the uploader then lets the (deleted) rows sync without bytes.
    const orphans = this.queries.unreferenced.all(now - fileUndoWindowMs).filter(({ sha256 }) => sha256 !== logo);
    for (const { sha256 } of orphans) this.blobs.remove(sha256);
    this.blobs.removeStaleStaging(24 * 60 * 60 * 1000, now);
    this.blobs.removeStalePartials(7 * 24 * 60 * 60 * 1000, now);
    return orphans.length;
  }
}
