import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../src-shared/errors';
import { makePrivateDir, privateFileMode } from '../../core/private-files';
import { isProcessAlive } from '../../core/process-alive';
import { syncToDisk } from '../../core/sync-to-disk';
import { markRestoredCopy } from '../../core/restored-copy';
import { blobNamePattern, damaged, readBackupArchive, unlockBackup, type CheckedArchive, type EntrySink } from './archive';
import { blobEncrypter, filesKeyOf } from '../../files/blob-file';
import { applyDatabaseKey } from '../../security/database-cipher';
import { writeKeySeals } from '../../security/key-file';
import { passphraseSeal } from '../../security/key-source';
import type { JobControl } from '../deps';
import { erasureListName, readErasureList, restoredErasuresName } from '../../privacy/kept-erasures';

// Restoring a backup (its layout is in backup.ts) into a new or empty folder, atomically: the
// backup is checked in full first (backup-archive.ts) with nothing written; then unpacked into a
// hidden folder beside the target, checked again, fsynced, and only then renamed into place. A
// restore killed at any point leaves the target as it was (absent or empty), so it never opens
// as a half-restored data folder, and running the same restore again finishes the job.
// A sealed backup is opened with the passphrase it was made with (a wrong one is refused before
// anything is read); the restored folder's database key is sealed with that same passphrase.

export interface RestoreResult {
  dataDir: string;
  blobs: number;
  databaseBytes: number;
  createdAt: string;
  /** Erasures kept beside the backup (people forgotten since it was made), applied at the folder's first start. */
  erasuresKept: number;
}

/** Room to leave free on the disk besides what the restore writes. */
const spareBytes = 64 * 1024 * 1024;

/**
 * Restores a backup into `targetDir`, which must not exist or be empty. Nothing is left behind
 * when any check fails: the folder is as it was and the error says why.
 */
export async function restoreBackup(
  backupFile: string,
  targetDir: string,
  control: JobControl = {},
  options: { passphrase?: string; nativeBinding?: string; now?: () => number } = {},
): Promise<RestoreResult> {
  const target = path.resolve(targetDir);
  const stat = fs.statSync(backupFile, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new AppError('not_found', `There is no backup file at ${backupFile}.`, 'file');
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing && (!existing.isDirectory() || fs.readdirSync(target).length > 0)) {
    throw new AppError('conflict', `${target} is not empty; restore into a new or empty folder so nothing is overwritten.`, 'dataDir');
  }
  const sealed = unlockBackup(backupFile, options.passphrase);
  const parent = path.dirname(target);
  fs.mkdirSync(parent, { recursive: true });
  removeKilledAttempts(parent, path.basename(target));

  const checked = await readBackupArchive(backupFile, { control, phase: 'checking', ...(sealed ? { sealed } : {}) });
  requireSpace(parent, checked.totalBytes);

  const staging = path.join(parent, stagingName(path.basename(target), process.pid));
  let erasuresKept = 0;
  try {
    makePrivateDir(staging);
    // Files are written encrypted under the restored database's key (src-main/files/blob-file.ts);
    // an older, plain backup's files are encrypted at the folder's first start instead.
    const key = checked.manifest.database.key ? Buffer.from(checked.manifest.database.key, 'hex') : undefined;
    await readBackupArchive(backupFile, {
      control,
      phase: 'restoring',
      expected: checked.entries,
      sink: (entry) => fileSink(staging, entry.name, blobNamePattern.test(entry.name) ? filesKeyOf(key ?? null) : null),
      ...(sealed ? { sealed } : {}),
    });
    checkDatabase(backupFile, path.join(staging, 'fieldbook.db'), checked, { ...options, ...(key ? { key } : {}) });
    // People forgotten since the backup was made stay forgotten: the list kept beside the backups
    // (src-main/privacy/kept-erasures.ts) goes with the restored folder, whose first start applies it.
    const list = path.join(path.dirname(path.resolve(backupFile)), erasureListName);
    erasuresKept = readErasureList(list, key)?.length ?? 0;
    if (erasuresKept > 0) fs.copyFileSync(list, path.join(staging, restoredErasuresName));
    // An older, plain backup gets a new key: its database is encrypted when the folder is first opened.
    if (options.passphrase !== undefined) writeKeySeals(staging, [passphraseSeal(key ?? randomBytes(32), options.passphrase)]);
    makePrivateDir(path.join(staging, 'files'));
    syncToDisk(staging);
    // An empty target folder makes way for the restored one (rename cannot replace a folder on
    // every system); from here the restore is one rename.
    if (existing) fs.rmdirSync(target);
    fs.renameSync(staging, target);
    syncToDisk(parent);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const database = checked.entries.find((entry) => entry.name === 'fieldbook.db')!;
  return { dataDir: target, blobs: checked.entries.length - 1, databaseBytes: database.bytes, createdAt: checked.manifest.createdAt, erasuresKept };
}

const stagingName = (base: string, pid: number) => `.${base}.restoring-${pid}`;

/** Unpacked folders of restores into the same target whose process was killed. */
function removeKilledAttempts(parent: string, base: string): void {
  const prefix = `.${base}.restoring-`;
  for (const name of fs.readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isInteger(pid) && pid > 0 && !isProcessAlive(pid)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

function requireSpace(dir: string, bytes: number): void {
  const disk = fs.statfsSync(dir);
  const free = disk.bavail * disk.bsize;
  if (free < bytes + spareBytes) {
    const gb = (value: number) => `${Math.ceil((value / 1024 ** 3) * 10) / 10} GB`;
    throw new AppError('unavailable', `Restoring needs ${gb(bytes)} of disk space and ${dir} has ${gb(free)} free. Nothing was restored.`, 'dataDir');
  }
}

async function fileSink(root: string, name: string, filesKey: Buffer | null): Promise<EntrySink> {
  const destination = path.join(root, ...name.split('/'));
  makePrivateDir(path.dirname(destination));
  const handle = await fs.promises.open(destination, 'wx', privateFileMode);
  const encrypter = filesKey ? blobEncrypter(filesKey) : undefined;
  return {
    async write(chunk) {
      const bytes = encrypter ? encrypter.update(chunk) : chunk;
      if (bytes.length > 0) await handle.write(bytes);
    },
    async close() {
      try {
        if (encrypter) await handle.write(encrypter.final());
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
  };
}

function checkDatabase(backupFile: string, file: string, checked: CheckedArchive, options: { key?: Buffer; nativeBinding?: string; now?: () => number }): void {
  const db = new Database(file, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    if (options.key) applyDatabaseKey(db, options.key);
    const problems = db.pragma('integrity_check') as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0]!.integrity_check !== 'ok') {
      throw damaged(backupFile, `SQLite's integrity check found: ${problems.slice(0, 3).map((row) => row.integrity_check).join('; ')}`);
    }
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    if (!['contacts', 'changes', 'local_settings'].every((table) => tables.has(table))) throw damaged(backupFile, 'its database is not a Fieldbook database');
    markRestoredCopy(db, { backupCreatedAt: checked.manifest.createdAt, restoredAt: (options.now ?? Date.now)() });
  } finally {
    db.close();
  }
  fs.chmodSync(file, privateFileMode);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}
