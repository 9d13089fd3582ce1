import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../../../src-shared/errors';
import type { JobControl } from '../deps';
import { readTar, TarError } from '../formats/tar';
import { backupKeyFrom } from '../../security/key-source';
import { openingStream, readSealedHeader, SealedFileError, unlockSealedFile, type SealedHeader } from '../../security/sealed-stream';

// Reading a backup file (the layout is in backup.ts), checking every entry as it streams past.
// A restore reads the file twice: once to check it, writing nothing, and once to write what was
// checked. So a damaged or hostile file (one that unpacks to gigabytes of junk) is refused before
// a byte reaches the disk, and the second reading refuses anything the first did not see.

/** Version 2 is sealed and its database encrypted; version 1 (plain) backups still restore. */
export const backupFormat = { format: 'fieldbook-backup', version: 2 } as const;
export const blobNamePattern = /^files\/([0-9a-f]{2})\/([0-9a-f]{64})$/;
const maxManifestBytes = 1024 * 1024;

const ManifestSchema = z.object({
  format: z.literal(backupFormat.format),
  version: z.union([z.literal(1), z.literal(backupFormat.version)]),
  createdAt: z.string(),
  database: z.object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().min(0),
    /** The database's encryption key (hex), safe inside the sealed archive. */
    key: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  }),
  files: z.object({ count: z.number().int().min(0), bytes: z.number().int().min(0) }),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export interface CheckedEntry {
  name: string;
  bytes: number;
  sha256: string;
}

export interface CheckedArchive {
  manifest: Manifest;
  /** fieldbook.db and every file, in the order of the archive. */
  entries: CheckedEntry[];
  /** What the entries take on disk once unpacked. */
  totalBytes: number;
}

/** Where an entry's bytes go while the archive is read; none while it is only checked. */
export interface EntrySink {
  write(chunk: Buffer): Promise<void>;
  close(): Promise<void>;
}

export interface ReadOptions {
  control?: JobControl;
  /** The progress phase of this reading ('checking', 'restoring'). */
  phase: string;
  /** Gets a sink for each entry that is kept (not the manifest). */
  sink?: (entry: { name: string; bytes: number }) => Promise<EntrySink>;
  /** Entries found by an earlier reading: anything else is refused before it is written. */
  expected?: readonly CheckedEntry[];
  /** How to open a sealed backup (unlockBackup); absent for an older, unsealed one. */
  sealed?: UnlockedBackup;
}

export interface UnlockedBackup {
  fileKey: Buffer;
  bodyOffset: number;
}

/**
 * Checks the passphrase against a sealed backup before anything is read: undefined for an older
 * backup that was not sealed, else what opens it. A missing or wrong passphrase is refused clearly.
 */
export function unlockBackup(backupFile: string, passphrase: string | undefined): UnlockedBackup | undefined {
  let header: SealedHeader | null;
  try {
    header = readSealedHeader(backupFile);
  } catch (error) {
    throw damaged(backupFile, (error as Error).message);
  }
  if (!header) return undefined;
  if (passphrase === undefined) throw new AppError('forbidden', `${path.basename(backupFile)} is sealed: give the passphrase it was made with.`, 'passphrase');
  const fileKey = unlockSealedFile(header, backupKeyFrom(passphrase, header.kdf));
  if (!fileKey) throw new AppError('forbidden', `That passphrase does not open ${path.basename(backupFile)}. Nothing was restored.`, 'passphrase');
  return { fileKey, bodyOffset: header.bodyOffset };
}

export function damaged(backupFile: string, why: string): AppError {
  return new AppError('invalid_input', `${path.basename(backupFile)} is damaged: ${why}. Nothing was restored.`, 'file');
}

/** Reads and checks the whole backup file; throws an AppError naming the first problem. */
export async function readBackupArchive(backupFile: string, options: ReadOptions): Promise<CheckedArchive> {
  const refuse = (why: string) => damaged(backupFile, why);
  const { control = {}, phase } = options;
  const compressedBytes = fs.statSync(backupFile).size;
  const expected = options.expected ? new Map(options.expected.map((entry) => [entry.name, entry])) : null;
  const input = fs.createReadStream(backupFile, { start: options.sealed?.bodyOffset ?? 0 });
  const gunzip = zlib.createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  const opening = options.sealed ? openingStream(options.sealed.fileKey) : undefined;
  opening?.on('error', (error) => gunzip.destroy(error));
  let readBytes = 0;
  input.on('data', (chunk) => {
    readBytes += chunk.length;
    control.onProgress?.(phase, readBytes, compressedBytes);
  });
  if (opening) input.pipe(opening).pipe(gunzip);
  else input.pipe(gunzip);

  const entries: CheckedEntry[] = [];
  const seen = new Set<string>();
  let manifestText: string | null = null;
  try {
    for await (const entry of readTar(gunzip)) {
      if (control.signal?.aborted) throw new AppError('cancelled', 'The restore was cancelled; nothing was restored.');
      if (seen.has(entry.name)) throw refuse(`${entry.name} is in it twice`);
      seen.add(entry.name);
      if (entry.type !== '0') throw refuse(`${entry.name} is not a regular file`);
      if (entry.name === 'manifest.json') {
        if (entry.size > maxManifestBytes) throw refuse('its manifest is too large');
        const parts: Buffer[] = [];
        for await (const chunk of entry.content) parts.push(chunk);
        manifestText = Buffer.concat(parts).toString('utf8');
        continue;
      }
      const blob = blobNamePattern.exec(entry.name);
      if (entry.name !== 'fieldbook.db' && !(blob && blob[2]!.startsWith(blob[1]!))) {
        throw refuse(`it holds "${entry.name}", which no Fieldbook backup has`);
      }
      const known = expected?.get(entry.name);
      if (expected && known?.bytes !== entry.size) throw refuse(`it changed while it was being restored (${entry.name})`);
      const sink = options.sink ? await options.sink({ name: entry.name, bytes: entry.size }) : null;
      const hash = createHash('sha256');
      // An encrypted database has no plain header to check; its hash and, once restored, SQLite's integrity check stand for it.
      let head: Buffer | null = entry.name === 'fieldbook.db' && !options.sealed ? Buffer.alloc(0) : null;
      try {
        for await (const chunk of entry.content) {
          if (head) {
            head = Buffer.concat([head, chunk.subarray(0, 100 - head.length)]);
            if (head.length >= 100 || head.length === entry.size) {
              const problem = sqliteHeaderProblem(head, entry.size);
              if (problem) throw refuse(problem);
              head = null;
            }
          }
          hash.update(chunk);
          await sink?.write(chunk);
        }
        if (head) throw refuse('its database is too short to be one');
      } finally {
        await sink?.close();
      }
      const sha256 = hash.digest('hex');
      if (blob && sha256 !== blob[2]) throw refuse(`the bytes of ${entry.name} do not match its SHA-256`);
      if (known && known.sha256 !== sha256) throw refuse(`it changed while it was being restored (${entry.name})`);
      entries.push({ name: entry.name, bytes: entry.size, sha256 });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = error instanceof TarError || error instanceof SealedFileError || (error as NodeJS.ErrnoException).code?.startsWith('Z_') ? (error as Error).message : String(error);
    throw new AppError('invalid_input', `${path.basename(backupFile)} is not a usable Fieldbook backup: ${reason}. Nothing was restored.`, 'file');
  } finally {
    input.destroy();
    opening?.destroy();
    gunzip.destroy();
  }
  return { manifest: checkManifest(refuse, manifestText, entries), entries, totalBytes: entries.reduce((sum, entry) => sum + entry.bytes, 0) };
}

function checkManifest(refuse: (why: string) => AppError, text: string | null, entries: CheckedEntry[]): Manifest {
  if (text === null) throw refuse('it has no manifest.json (is it cut short?)');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw refuse('its manifest is not JSON');
  }
  const manifest = ManifestSchema.safeParse(json);
  if (!manifest.success) throw refuse('its manifest is not one Fieldbook writes (or comes from a newer version)');
  const database = entries.find((entry) => entry.name === 'fieldbook.db');
  if (!database) throw refuse('it has no database');
  if (database.sha256 !== manifest.data.database.sha256) throw refuse('the database does not match the SHA-256 in its manifest');
  const blobs = entries.length - 1;
  if (blobs !== manifest.data.files.count) throw refuse(`it has ${blobs} files where its manifest lists ${manifest.data.files.count}`);
  return manifest.data;
}

/**
 * Why the first 100 bytes of a database entry cannot start a SQLite database of `size` bytes, or
 * null. Checked before the rest is read, so a database entry of junk is refused at once.
 */
function sqliteHeaderProblem(head: Buffer, size: number): string | null {
  if (head.length < 100 || head.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return 'its database is not a SQLite database';
  const rawPageSize = head.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = head.readUInt32BE(28);
  // The page count is trustworthy when "version-valid-for" equals the change counter.
  const countIsValid = head.readUInt32BE(92) === head.readUInt32BE(24) && pageCount > 0;
  if (countIsValid && pageSize * pageCount !== size) return 'its database is not the size its own header says';
  return null;
}
