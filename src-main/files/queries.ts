import { fileCategories, type StoredFile } from '../../src-shared/domain/file';
import type { Sqlite } from '../db/open';
import type { SqlRow } from '../db/rows';
import type { files } from '../db/schema';

export type FileRow = SqlRow<typeof files>;

/** `available`: whether the file's bytes are on this laptop (a teammate's may not be yet). */
export function rowToFile(row: FileRow, available: boolean): StoredFile {
  return {
    id: row.id,
    contactId: row.contact_id,
    sha256: row.sha256,
    name: row.name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    category: fileCategories.find((category) => category === row.category) ?? 'document',
    addedBy: row.added_by,
    createdAt: row.created_at,
    available,
  };
}

export function createFileQueries(sqlite: Sqlite) {
  return {
    byId: sqlite.prepare<[string], FileRow>('SELECT * FROM files WHERE id = ? AND cl % 2 = 1'),
    ofContact: sqlite.prepare<[string], FileRow>('SELECT * FROM files WHERE contact_id = ? AND cl % 2 = 1 ORDER BY created_at DESC, id DESC'),
    byShaAlive: sqlite.prepare<[string], FileRow>('SELECT * FROM files WHERE sha256 = ? AND cl % 2 = 1 LIMIT 1'),
    // Blobs whose every reference is deleted, the last of them longer ago than the undo window.
    unreferenced: sqlite.prepare<[number], { sha256: string }>(
      `SELECT sha256 FROM files GROUP BY sha256
       HAVING SUM(cl % 2) = 0 AND MAX(COALESCE(deleted_at, 0)) < ?`,
    ),
  };
}
