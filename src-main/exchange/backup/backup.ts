import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { z } from 'zod';
import type { BackupInfo, BackupResult } from '../../../src-shared/domain/exchange';
import { AppError } from '../../../src-shared/errors';
import type { Sqlite } from '../../db/open';
import type { JobControl } from '../deps';
import { readTar, tarEnd, tarHeader, tarPadding, TarError } from '../formats/tar';

// One-file backups: a gzip-compressed ustar archive (open it with any tar program) holding
//   fieldbook.db            SQLite's online backup of the live database (consistent, taken while the app runs)
//   files/ab/<sha256>       every file blob, named by the SHA-256 of its bytes
//   manifest.json           format, version, time, the database's SHA-256 and the blob count (last, so it is exact)
// Restore goes into a new or empty folder only, and checks everything before it is done:
// each blob's bytes against its name, the database against the manifest, PRAGMA integrity_check.

export const backupFormat = { format: 'fieldbook-backup', version: 1 } as const;
const backupNamePattern = /^fieldbook-backup-(\d{8}T\d{9}Z)\.tar\.gz$/;
const blobNamePattern = /^files\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

const ManifestSchema = z.object({
  format: z.literal(backupFormat.format),
  version: z.literal(backupFormat.version),
  createdAt: z.string(),
  database: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(0) }),
  files: z.object({ count: z.number().int().min(0), bytes: z.number().int().min(0) }),
});

export interface BackupSource {
  dataDir: string;
  sqlite: Sqlite;
}

export function defaultBackupDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** fieldbook-backup-20260110T093000123Z.tar.gz: sorts by time, safe on every file system. */
export function backupFileName(at: number): string {
  return `fieldbook-backup-${new Date(at).toISOString().replace(/[-:.]/g, '')}.tar.gz`;
}

function backupTime(fileName: string): number | null {
  const match = backupNamePattern.exec(fileName);
  if (!match) return null;
  const [, stamp] = match;
  const iso = `${stamp!.slice(0, 4)}-${stamp!.slice(4, 6)}-${stamp!.slice(6, 8)}T${stamp!.slice(9, 11)}:${stamp!.slice(11, 13)}:${stamp!.slice(13, 15)}.${stamp!.slice(15, 18)}Z`;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : time;
}

/** Backups in `dir` (only files named as backupFileName makes them), newest first. */
export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((fileName) => {
      const createdAt = backupTime(fileName);
      if (createdAt === null) return [];
      const file = path.join(dir, fileName);
      return [{ fileName, path: file, bytes: fs.statSync(file).size, createdAt }];
    })
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** Deletes all but the `keep` newest backups in `dir`; other files there are never touched. */
export function pruneBackups(dir: string, keep: number): string[] {
  const removed = listBackups(dir).slice(Math.max(keep, 1));
  for (const backup of removed) fs.rmSync(backup.path, { force: true });
  return removed.map((backup) => backup.fileName);
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function listBlobs(dataDir: string): { name: string; file: string; bytes: number }[] {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  const blobs: { name: string; file: string; bytes: number }[] = [];
  for (const prefix of fs.readdirSync(root).sort()) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const sha of fs.readdirSync(path.join(root, prefix)).sort()) {
      const name = `files/${prefix}/${sha}`;
      if (!blobNamePattern.test(name) || !sha.startsWith(prefix)) continue;
      const file = path.join(root, prefix, sha);
      blobs.push({ name, file, bytes: fs.statSync(file).size });
    }
  }
  return blobs;
}

/** Writes a backup of the database and every blob to `target` (a .part file until complete). */
export async function createBackup(
  source: BackupSource,
  target: { dir?: string; file?: string },
  control: JobControl = {},
  now: () => number = Date.now,
): Promise<BackupResult> {
  const createdAt = now();
  const file = path.resolve(target.file ?? path.join(target.dir ?? defaultBackupDir(source.dataDir), backupFileName(createdAt)));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const snapshot = path.join(path.dirname(file), `.fieldbook-backup-${randomUUID()}.db`);
  const partFile = `${file}.part`;
  try {
    control.onProgress?.('database', 0, 1);
    await source.sqlite.backup(snapshot, {
      progress({ totalPages, remainingPages }) {
        control.onProgress?.('database', totalPages - remainingPages, totalPages);
        return 1000;
      },
    });
    const database = { sha256: await sha256Of(snapshot), bytes: fs.statSync(snapshot).size };
    const blobs = listBlobs(source.dataDir);
    const totalBytes = database.bytes + blobs.reduce((sum, blob) => sum + blob.bytes, 0);
    let doneBytes = 0;

    const gzip = zlib.createGzip({ level: 6 });
    const output = fs.createWriteStream(partFile, { flags: 'wx' });
    const written = once(output, 'close');
    gzip.pipe(output);
    const failure = new Promise<never>((_, reject) => {
      gzip.once('error', reject);
      output.once('error', reject);
    });
    failure.catch(() => {});
    const write = async (bytes: Buffer) => {
      if (!gzip.write(bytes)) await Promise.race([once(gzip, 'drain'), failure]);
    };
    const addFile = async (name: string, from: string, bytes: number, phase: string) => {
      await write(tarHeader(name, bytes, createdAt / 1000));
      let copied = 0;
      for await (const chunk of fs.createReadStream(from) as Readable) {
        const buffer = chunk as Buffer;
        copied += buffer.length;
        if (copied > bytes) throw new AppError('conflict', `${name} changed while it was being backed up; try again.`);
        await write(buffer);
        doneBytes += buffer.length;
        control.onProgress?.(phase, doneBytes, totalBytes);
      }
      if (copied !== bytes) throw new AppError('conflict', `${name} changed while it was being backed up; try again.`);
      await write(tarPadding(bytes));
    };

    await addFile('fieldbook.db', snapshot, database.bytes, 'files');
    for (const blob of blobs) {
      if (control.signal?.aborted) throw new AppError('cancelled', 'The backup was cancelled.');
      await addFile(blob.name, blob.file, blob.bytes, 'files');
    }
    const manifest = Buffer.from(
      JSON.stringify({
        ...backupFormat,
        createdAt: new Date(createdAt).toISOString(),
        database,
        files: { count: blobs.length, bytes: totalBytes - database.bytes },
      }),
    );
    await write(tarHeader('manifest.json', manifest.length, createdAt / 1000));
    await write(manifest);
    await write(tarPadding(manifest.length));
    await write(tarEnd);
    gzip.end();
    await Promise.race([written, failure]);
    fs.renameSync(partFile, file);
    return { fileName: path.basename(file), path: file, bytes: fs.statSync(file).size, createdAt, blobs: blobs.length };
  } catch (error) {
    fs.rmSync(partFile, { force: true });
    throw error;
  } finally {
    fs.rmSync(snapshot, { force: true });
  }
}

export interface RestoreResult {
  dataDir: string;
  blobs: number;
  databaseBytes: number;
  createdAt: string;
}

/**
 * Restores a backup into `targetDir`, which must not exist or be empty. Nothing is left behind
 * when any check fails: the folder is as it was (absent or empty) and the error says why.
 */
export async function restoreBackup(
  backupFile: string,
  targetDir: string,
  control: JobControl = {},
  options: { nativeBinding?: string } = {},
): Promise<RestoreResult> {
  const target = path.resolve(targetDir);
  const stat = fs.statSync(backupFile, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new AppError('not_found', `There is no backup file at ${backupFile}.`, 'file');
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing && (!existing.isDirectory() || fs.readdirSync(target).length > 0)) {
    throw new AppError('conflict', `${target} is not empty; restore into a new or empty folder so nothing is overwritten.`, 'dataDir');
  }
  fs.mkdirSync(target, { recursive: true });
  try {
    return await extractAndCheck(backupFile, stat.size, target, control, options);
  } catch (error) {
    for (const entry of fs.readdirSync(target)) fs.rmSync(path.join(target, entry), { recursive: true, force: true });
    if (!existing) fs.rmSync(target, { recursive: true, force: true });
    if (error instanceof AppError) throw error;
    const reason = error instanceof TarError || (error as NodeJS.ErrnoException).code?.startsWith('Z_') ? (error as Error).message : String(error);
    throw new AppError('invalid_input', `${path.basename(backupFile)} is not a usable Fieldbook backup: ${reason}. Nothing was restored.`, 'file');
  }
}

async function extractAndCheck(
  backupFile: string,
  compressedBytes: number,
  target: string,
  control: JobControl,
  options: { nativeBinding?: string },
): Promise<RestoreResult> {
  const damaged = (why: string) => new AppError('invalid_input', `${path.basename(backupFile)} is damaged: ${why}. Nothing was restored.`, 'file');
  const input = fs.createReadStream(backupFile);
  const gunzip = zlib.createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  let readBytes = 0;
  input.on('data', (chunk) => {
    readBytes += chunk.length;
    control.onProgress?.('reading', readBytes, compressedBytes);
  });
  input.pipe(gunzip);

  const seen = new Set<string>();
  let manifestText: string | null = null;
  let databaseSha: string | null = null;
  let databaseBytes = 0;
  let blobs = 0;
  try {
    for await (const entry of readTar(gunzip)) {
      if (seen.has(entry.name)) throw damaged(`${entry.name} is in it twice`);
      seen.add(entry.name);
      if (entry.type !== '0') throw damaged(`${entry.name} is not a regular file`);
      if (entry.name === 'manifest.json') {
        if (entry.size > 1024 * 1024) throw damaged('its manifest is too large');
        const parts: Buffer[] = [];
        for await (const chunk of entry.content) parts.push(chunk);
        manifestText = Buffer.concat(parts).toString('utf8');
        continue;
      }
      const blob = blobNamePattern.exec(entry.name);
      if (entry.name !== 'fieldbook.db' && !(blob && blob[2]!.startsWith(blob[1]!))) {
        throw damaged(`it holds "${entry.name}", which no Fieldbook backup has`);
      }
      const destination = path.join(target, ...entry.name.split('/'));
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      const hash = createHash('sha256');
      const output = fs.createWriteStream(destination, { flags: 'wx' });
      const failure = new Promise<never>((_, reject) => output.once('error', reject));
      failure.catch(() => {});
      try {
        for await (const chunk of entry.content) {
          hash.update(chunk);
          if (!output.write(chunk)) await Promise.race([once(output, 'drain'), failure]);
        }
      } catch (error) {
        output.destroy();
        throw error;
      }
      output.end();
      await Promise.race([once(output, 'close'), failure]);
      const sha = hash.digest('hex');
      if (blob) {
        if (sha !== blob[2]) throw damaged(`the bytes of ${entry.name} do not match its SHA-256`);
        blobs += 1;
      } else {
        databaseSha = sha;
        databaseBytes = entry.size;
      }
    }
  } finally {
    input.destroy();
    gunzip.destroy();
  }

  if (manifestText === null) throw damaged('it has no manifest.json (is it cut short?)');
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(manifestText);
  } catch {
    throw damaged('its manifest is not JSON');
  }
  const manifest = ManifestSchema.safeParse(manifestJson);
  if (!manifest.success) throw damaged('its manifest is not one Fieldbook writes (or comes from a newer version)');
  if (databaseSha === null) throw damaged('it has no database');
  if (databaseSha !== manifest.data.database.sha256) throw damaged('the database does not match the SHA-256 in its manifest');
  if (blobs !== manifest.data.files.count) throw damaged(`it has ${blobs} files where its manifest lists ${manifest.data.files.count}`);

  const db = new Database(path.join(target, 'fieldbook.db'), { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    const problems = db.pragma('integrity_check') as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0]!.integrity_check !== 'ok') {
      throw damaged(`SQLite's integrity check found: ${problems.slice(0, 3).map((row) => row.integrity_check).join('; ')}`);
    }
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    if (!['contacts', 'changes', 'local_settings'].every((table) => tables.has(table))) throw damaged('its database is not a Fieldbook database');
  } finally {
    db.close();
  }
  fs.mkdirSync(path.join(target, 'files'), { recursive: true });
  return { dataDir: target, blobs, databaseBytes, createdAt: manifest.data.createdAt };
}
