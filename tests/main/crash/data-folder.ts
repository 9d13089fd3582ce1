import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { isPlainDatabase } from '../../../src-main/security/database-cipher';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createCore } from '../../../src-main/core/create-core';

/** A data folder with contacts and attached files of random (so incompressible) bytes, closed again. */
export async function makeDataFolder(dataDir: string, options: { contacts: number; blobs: number; blobBytes: number }) {
  const core = createCore({ dataDir, shell: 'test', autoSync: false, logError: () => {} });
  try {
    const empty = { street: '', city: '', region: '', postcode: '', country: '' };
    const ids: string[] = [];
    core.engine.transaction(() => {
      for (let index = 0; index < options.contacts; index += 1) {
        ids.push(
          core.contacts.create(
            { kind: 'person', name: `Customer ${index}`, company: `Firm ${index % 40}`, jobTitle: '', phones: [], emails: [], address: empty, status: 'active', source: '', tags: [], potentialValue: null, summary: 'x'.repeat(200), doNotContact: false, customFields: {} },
            { allowDuplicate: true },
          ).id,
        );
      }
    });
    const blobs: Buffer[] = [];
    for (let index = 0; index < options.blobs; index += 1) {
      const bytes = randomBytes(options.blobBytes);
      blobs.push(bytes);
      const staged = await core.files.stage(Readable.from([bytes]), `scan-${index}.pdf`);
      const result = await core.invoke('files.add', { contactId: ids[index % ids.length]!, uploadId: staged.uploadId, name: `scan-${index}.pdf`, mimeType: 'application/pdf', category: 'document' });
      if (!result.ok) throw new Error(result.error.message);
    }
    return { blobs };
  } finally {
    core.close();
  }
}

/** Bytes of every file under `dir` (0 when it is not there). */
export function bytesUnder(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    try {
      total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
    } catch {
      // Removed while we looked.
    }
  }
  return total;
}

/**
 * Copies of a database under `dir`: files named *.db (an encrypted one has no header to know it
 * by), or whose first bytes are SQLite's header.
 */
export function sqliteFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => file.endsWith('.db') || isPlainDatabase(file));
}
