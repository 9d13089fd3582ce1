import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { BackupInfo, BackupResult } from '../../../src-shared/domain/exchange';
import { AppError } from '../../../src-shared/errors';
import { makePrivateDir, privateFileMode } from '../../core/private-files';
import { isProcessAlive } from '../../core/process-alive';
import { syncToDisk } from '../../core/sync-to-disk';
import { vacuumIntoOffThread } from '../../db/vacuum-into-thread';
import type { Sqlite } from '../../db/open';
import type { UnlockedKeys } from '../../security/key-source';
import { writeErasureList } from '../../privacy/kept-erasures';
import { sealingStream } from '../../security/sealed-stream';
import { blobStoreOf } from '../../files/blob-store';
import type { JobControl } from '../deps';
import { tarEnd, tarHeader, tarPadding } from '../formats/tar';
import { backupFormat, blobNamePattern } from './archive';

// One-file backups: a gzip-compressed ustar archive, sealed (src-main/security/sealed-stream.ts)
// with the backup key the owner's passphrase gives, holding
//   fieldbook.db            a snapshot of the live database (VACUUM INTO: consistent, taken while the app
//                           runs, and encrypted with the database's own key like the original)
//   files/ab/<sha256>       every file blob, named by the SHA-256 of its bytes
//   manifest.json           format, version, time, the database's SHA-256 and key, the blob count (last, so it is exact)
// The database key travels inside the sealed archive, so the passphrase alone opens a backup on
// a new laptop. The archive is written as <name>.<pid>.part and renamed when complete and on
// disk; the database's snapshot is taken into the data folder's private tmp/, never beside the
// backups. A backup killed part-way leaves both behind; the next backup (or start of the app)
// removes them. Restoring is restore.ts.

const backupNamePattern = /^fieldbook-backup-(\d{8}T\d{9}Z)\.tar\.gz$/;
/** Left by a killed backup: its part file (and, from earlier versions, a snapshot beside it). */
const leftoverPattern = /^(?:fieldbook-backup-\d{8}T\d{9}Z\.tar\.gz\.(\d+)\.part|fieldbook-backup-\d{8}T\d{9}Z\.tar\.gz\.part|\.fieldbook-backup-[0-9a-f-]{36}\.db)$/;
const snapshotPattern = /^backup-(\d+)-[0-9a-f-]{36}\.db$/;

/** How many backups are kept in the backups folder, the daily ones and those made from the app. */
export const keptBackups = 7;

export { backupFormat };

export interface BackupSource {
  dataDir: string;
  sqlite: Sqlite;
  /** The data folder's keys: the backup is sealed with their backup key. */
  keys?: UnlockedKeys;
  /** The database driver's native module, when the shell loads its own (Electron): for the snapshot's worker. */
  nativeBinding?: string;
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

/** Every stored blob, by its plain size: the backup holds plain bytes (the backup itself is sealed) so a restore checks them by name. */
function listBlobs(dataDir: string, keys: BackupSource['keys']): { name: string; read: () => Readable; bytes: number }[] {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  const store = blobStoreOf(dataDir, keys);
  const blobs: { name: string; read: () => Readable; bytes: number }[] = [];
  for (const prefix of fs.readdirSync(root).sort()) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const sha of fs.readdirSync(path.join(root, prefix)).sort()) {
      const name = `files/${prefix}/${sha}`;
      if (!blobNamePattern.test(name) || !sha.startsWith(prefix)) continue;
      blobs.push({ name, read: () => store.read(sha), bytes: store.sizeOf(sha) });
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
  const sealing = source.keys?.backupSealing;
  if (!sealing) {
    throw new AppError(
      'forbidden',
      'Backups are sealed with your passphrase, and this app was unlocked by the keychain alone: start Fieldbook once with FIELDBOOK_PASSPHRASE set to choose one. No backup was made.',
    );
  }
  const file = path.resolve(target.file ?? path.join(target.dir ?? defaultBackupDir(source.dataDir), backupFileName(createdAt)));
  const folder = path.dirname(file);
  if (target.file) fs.mkdirSync(folder, { recursive: true });
  else makePrivateDir(folder);
  removeLeftovers(folder, path.basename(file));
  const tmp = backupTmpDir(source.dataDir);
  makePrivateDir(tmp);
  removeLeftoverSnapshots(source.dataDir);
  const snapshot = path.join(tmp, `backup-${process.pid}-${randomUUID()}.db`);
  const partFile = `${file}.${process.pid}.part`;
  let output: fs.WriteStream | undefined;
  try {
    control.onProgress?.('database', 0, 1);
    // Not SQLite's online backup: it cannot copy an encrypted database. VACUUM INTO writes a
    // consistent copy under the same key, compacted, in a worker thread so the app keeps answering.
    await vacuumIntoOffThread({
      sqlite: source.sqlite,
      ...(source.keys?.databaseKey ? { key: source.keys.databaseKey } : {}),
      ...(source.nativeBinding ? { nativeBinding: source.nativeBinding } : {}),
      target: snapshot,
      ...(control.signal ? { signal: control.signal } : {}),
    });
    control.onProgress?.('database', 1, 1);
    const database = { sha256: await sha256Of(snapshot), bytes: fs.statSync(snapshot).size };
    const blobs = listBlobs(source.dataDir, source.keys);
    const totalBytes = database.bytes + blobs.reduce((sum, blob) => sum + blob.bytes, 0);
    let doneBytes = 0;

    const gzip = zlib.createGzip({ level: 6 });
    const seal = sealingStream(sealing);
    output = fs.createWriteStream(partFile, { flags: 'wx', mode: privateFileMode });
    const written = once(output, 'close');
    gzip.pipe(seal).pipe(output);
    const failure = new Promise<never>((_, reject) => {
      gzip.once('error', reject);
      seal.once('error', reject);
      output!.once('error', reject);
    });
    failure.catch(() => {});
    const write = async (bytes: Buffer) => {
      if (!gzip.write(bytes)) await Promise.race([once(gzip, 'drain'), failure]);
    };
    const addFile = async (name: string, from: () => Readable, bytes: number, phase: string) => {
      await write(tarHeader(name, bytes, createdAt / 1000));
      let copied = 0;
      for await (const chunk of from()) {
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

    await addFile('fieldbook.db', () => fs.createReadStream(snapshot), database.bytes, 'files');
    for (const blob of blobs) {
      if (control.signal?.aborted) throw new AppError('cancelled', 'The backup was cancelled.');
      await addFile(blob.name, blob.read, blob.bytes, 'files');
    }
    const manifest = Buffer.from(
      JSON.stringify({
        ...backupFormat,
        createdAt: new Date(createdAt).toISOString(),
        database: { ...database, ...(source.keys?.databaseKey ? { key: source.keys.databaseKey.toString('hex') } : {}) },
        files: { count: blobs.length, bytes: totalBytes - database.bytes },
      }),
    );
    await write(tarHeader('manifest.json', manifest.length, createdAt / 1000));
    await write(manifest);
    await write(tarPadding(manifest.length));
    await write(tarEnd);
    gzip.end();
    await Promise.race([written, failure]);
    // On disk before it gets its name: a crash after the rename must not leave an empty "backup".
    syncToDisk(partFile);
    fs.renameSync(partFile, file);
    // The people forgotten so far, beside the backup and outside it: restoring it keeps them forgotten.
    writeErasureList(folder, source.sqlite, source.keys?.databaseKey);
    syncToDisk(folder);
    return { fileName: path.basename(file), path: file, bytes: fs.statSync(file).size, createdAt, blobs: blobs.length };
  } catch (error) {
    output?.destroy();
    fs.rmSync(partFile, { force: true });
    throw error;
  } finally {
    fs.rmSync(snapshot, { force: true });
  }
}

/** The data folder's private scratch folder, where a backup snapshots the database. */
export function backupTmpDir(dataDir: string): string {
  return path.join(dataDir, 'tmp');
}

/** Database snapshots of backups whose process was killed (called by each backup and at start). */
export function removeLeftoverSnapshots(dataDir: string): void {
  const tmp = backupTmpDir(dataDir);
  if (!fs.existsSync(tmp)) return;
  for (const name of fs.readdirSync(tmp)) {
    const match = snapshotPattern.exec(name);
    if (match && !isProcessAlive(Number(match[1]))) fs.rmSync(path.join(tmp, name), { force: true });
  }
}

/** Part files of killed backups in `folder`: of the default names, and of `fileName` (a chosen --out). */
function removeLeftovers(folder: string, fileName: string): void {
  if (!fs.existsSync(folder)) return;
  const ownPart = new RegExp(`^${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.part$`);
  for (const name of fs.readdirSync(folder)) {
    const match = leftoverPattern.exec(name) ?? ownPart.exec(name);
    if (!match) continue;
    // A part file of another process still writing it (the app and the command line at once) stays.
    if (match[1] !== undefined && isProcessAlive(Number(match[1]))) continue;
    fs.rmSync(path.join(folder, name), { force: true });
  }
}
